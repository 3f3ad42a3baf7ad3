ALTER TABLE "import_rejects" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Rejects stored before this release keep their code; what their English message added to the reason's
-- sentence becomes parameters: row numbers and figures where the wording is known, else the text as "detail".
WITH "sentence" ("code", "en") AS (VALUES
  ('empty_file', 'the file is empty'),
  ('no_data_rows', 'the file has a header but no data rows'),
  ('binary_file', 'the file is neither text nor XLSX (binary content)'),
  ('unsupported_format', 'unsupported file format (save it as XLSX or CSV)'),
  ('unreadable_xlsx', 'the XLSX file is damaged or unreadable'),
  ('sheet_not_found', 'the named sheet does not exist'),
  ('unsupported_encoding', 'unsupported character encoding'),
  ('unrecognised_delimiter', 'delimiter not recognised: the header has a single column'),
  ('line_too_long', 'a line is longer than 1 MB; the file is probably damaged'),
  ('unclosed_quote', 'a quote is never closed; the file is probably truncated'),
  ('malformed_quotes', 'malformed quotes'),
  ('missing_required_column', 'a required column is missing'),
  ('duplicate_column', 'several columns map to the same field'),
  ('control_total_mismatch', 'the balance total does not match the expected control total'),
  ('no_valid_rows', 'no valid rows to import'),
  ('truncated_row', 'the row has fewer cells than the header (truncated)'),
  ('extra_cells', 'the row has more cells than the header'),
  ('missing_value', 'a required value is empty'),
  ('invalid_number', 'not a valid number'),
  ('invalid_integer', 'not a valid whole number'),
  ('invalid_date', 'not a valid date (use 2015-01-31, 2015/1/31, 20150131 or an Excel date)'),
  ('invalid_choice', 'not one of the allowed values'),
  ('negative_amount', 'the amount must not be negative'),
  ('rate_out_of_range', 'rate out of range (annual percent: 4.35 means 4.35%)'),
  ('value_out_of_range', 'value out of the allowed range'),
  ('text_too_long', 'text too long'),
  ('amount_out_of_range', 'amount beyond what the database can hold (±92,233,720,368,547,758.07 yuan)'),
  ('nul_character', 'the text holds a NUL character'),
  ('control_character', 'the text holds a control character (such as ESC or BEL)'),
  ('bidi_control', 'the text holds a bidirectional control character (such as U+202E) that makes it display as something else'),
  ('replacement_character', 'the text holds a replacement character (U+FFFD): the file''s encoding is wrong'),
  ('control_total_overflow', 'the balance total is beyond what the database can hold (±92,233,720,368,547,758.07 yuan)'),
  ('formula_injection', 'text starts with = + - @ (possible formula injection) and is rejected'),
  ('maturity_before_start', 'the maturity date is before the start date'),
  ('duplicate_key_in_file', 'duplicate key within the file'),
  ('duplicate_key_in_database', 'this key already belongs to another customer in the database'),
  ('unknown_customer', 'unknown customer: not in the database'),
  ('file_too_large', 'the file is larger than an import may be'),
  ('too_many_rows', 'the file has more rows than an import may hold'),
  ('too_many_cells', 'a row has more cells than an import allows'),
  ('field_too_long', 'a cell is longer than an import allows'),
  ('xlsx_too_large_inflated', 'the XLSX inflates beyond the allowed size (a possible zip bomb)'),
  ('xlsx_compression_ratio', 'a part of the XLSX has an implausible compression ratio (a possible zip bomb)'),
  ('time_budget_exceeded', 'validation took longer than an import may take'),
  ('too_many_rejects', 'too many rejected rows: reading stopped (the file is not loaded)'),
  ('encoding_mismatch', 'bytes that do not match the file''s encoding; refused rather than stored as garbled text'),
  ('mixed_encodings', 'the file mixes character encodings'),
  ('start_after_period', 'the loan starts after the period ends'),
  ('matured_before_period', 'the loan matured before the period began'),
  ('days_exceed_period', 'days exceed the length of the period'),
  ('days_exceed_loan_life', 'days exceed the loan''s life (start to maturity)'),
  ('rate_may_be_fraction', 'rate below 1: it may be a fraction (0.0435) rather than a percent (4.35); please check')
), "recovered" AS (
  SELECT r."id",
    CASE
      WHEN s."code" IS NULL THEN nullif(r."message_en", '')
      WHEN starts_with(r."message_en", s."en" || ': ') THEN substr(r."message_en", length(s."en") + 3)
      WHEN r."message_en" = s."en" THEN NULL
      ELSE r."message_en"
    END AS "detail"
  FROM "import_rejects" r LEFT JOIN "sentence" s ON s."code" = r."reason_code"
)
UPDATE "import_rejects" r SET "params" = CASE
    WHEN x."detail" IS NULL THEN '{}'::jsonb
    WHEN x."detail" ~ '^same as row [0-9]{1,9}$' THEN jsonb_build_object('firstRow', substring(x."detail" from '[0-9]+')::int)
    WHEN x."detail" ~ '^at row [0-9]{1,9}$' THEN jsonb_build_object('row', substring(x."detail" from '[0-9]+')::int)
    WHEN x."detail" ~ '^at most [0-9]{1,3} decimals$' THEN jsonb_build_object('decimals', substring(x."detail" from '[0-9]+')::int)
    WHEN x."detail" ~ '^[0-9]{1,9} / [0-9]{1,9}$' THEN jsonb_build_object(
      'cells', split_part(x."detail", ' / ', 1)::int, 'headerCells', split_part(x."detail", ' / ', 2)::int)
    WHEN x."detail" ~ '^[0-9]{1,9} > [0-9]{1,9}$' THEN jsonb_build_object(
      'days', split_part(x."detail", ' > ', 1)::int, 'maxDays', split_part(x."detail", ' > ', 2)::int)
    ELSE jsonb_build_object('detail', x."detail")
  END
FROM "recovered" x WHERE x."id" = r."id";--> statement-breakpoint
ALTER TABLE "import_rejects" DROP COLUMN "message_zh";--> statement-breakpoint
ALTER TABLE "import_rejects" DROP COLUMN "message_en";
