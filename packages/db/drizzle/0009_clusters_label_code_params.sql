ALTER TABLE "clusters" ADD COLUMN "label" jsonb;--> statement-breakpoint
-- Stored clusters get their name as code + parameters, read back from the English name the release before wrote
-- (known words such as "small", "high-rate", or "<level> <feature>", joined by " · ", then " (n)" when repeated).
-- Their profile keeps the words it was stored with, which is what lets an older run's checksum still verify.
WITH "known" ("word", "feature", "level") AS (VALUES
  ('small', 'amount', 'low'), ('mid-size', 'amount', 'mid'), ('large', 'amount', 'high'),
  ('short', 'term', 'low'), ('medium-term', 'term', 'mid'), ('long', 'term', 'high'),
  ('low-rate', 'rate', 'low'), ('mid-rate', 'rate', 'mid'), ('high-rate', 'rate', 'high')
), "split" AS (
  SELECT c."run_id", c."cluster_no",
    (regexp_match(c."label_en", ' \(([0-9]{1,6})\)$'))[1]::int AS "ordinal",
    regexp_replace(c."label_en", ' \([0-9]{1,6}\)$', '') AS "name"
  FROM "clusters" c
), "parsed" AS (
  SELECT s."run_id", s."cluster_no", s."ordinal",
    (SELECT jsonb_agg(
        CASE
          WHEN k."word" IS NOT NULL THEN jsonb_build_object('known', k."feature", 'level', k."level")
          WHEN p."text" ~ '^(low|mid|high) .+$' THEN jsonb_build_object(
            'feature', substr(p."text", strpos(p."text", ' ') + 1), 'level', split_part(p."text", ' ', 1))
        END ORDER BY p."at")
       FROM unnest(string_to_array(s."name", ' · ')) WITH ORDINALITY AS p("text", "at")
       LEFT JOIN "known" k ON k."word" = p."text") AS "parts"
  FROM "split" s
)
UPDATE "clusters" c
   SET "label" = jsonb_build_object('code', 'cluster.features',
                                    'params', jsonb_build_object('parts', x."parts", 'ordinal', x."ordinal"))
  FROM "parsed" x
 WHERE x."run_id" = c."run_id" AND x."cluster_no" = c."cluster_no";--> statement-breakpoint
ALTER TABLE "clusters" ALTER COLUMN "label" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "clusters" DROP COLUMN "label_zh";--> statement-breakpoint
ALTER TABLE "clusters" DROP COLUMN "label_en";
