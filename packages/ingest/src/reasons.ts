/**
 * Every reason a file or a row is rejected, with its words in Chinese and English: the catalogue every non-web
 * output (the reject report, the CLI) renders from and the web app's message catalogues take in. Rejects store
 * only the code and its parameters (`ReasonParams`); the words are rendered by `renderReason`.
 */
export const REASONS = {
  empty_file: { zh: "文件为空", en: "the file is empty" },
  no_data_rows: { zh: "文件只有表头，没有数据行", en: "the file has a header but no data rows" },
  binary_file: {
    zh: "文件不是文本或 XLSX 表格（疑似二进制内容）",
    en: "the file is neither text nor XLSX (binary content)",
  },
  unsupported_format: {
    zh: "不支持的文件格式（请另存为 XLSX 或 CSV）",
    en: "unsupported file format (save it as XLSX or CSV)",
  },
  unreadable_xlsx: { zh: "XLSX 文件已损坏或无法读取", en: "the XLSX file is damaged or unreadable" },
  sheet_not_found: { zh: "找不到指定的工作表", en: "the named sheet does not exist" },
  unsupported_encoding: { zh: "不支持的字符编码", en: "unsupported character encoding" },
  unrecognised_delimiter: {
    zh: "无法识别分隔符：表头只有一列",
    en: "delimiter not recognised: the header has a single column",
  },
  line_too_long: {
    zh: "某一行超过 1 兆字节，文件可能已损坏",
    en: "a line is longer than 1 MB; the file is probably damaged",
  },
  unclosed_quote: { zh: "引号未闭合，文件可能被截断", en: "a quote is never closed; the file is probably truncated" },
  malformed_quotes: { zh: "引号使用不正确", en: "malformed quotes" },
  missing_required_column: { zh: "缺少必需列", en: "a required column is missing" },
  duplicate_column: { zh: "多列对应同一字段", en: "several columns map to the same field" },
  control_total_mismatch: {
    zh: "余额合计与给定的控制总数不符",
    en: "the balance total does not match the expected control total",
  },
  no_valid_rows: { zh: "没有可导入的有效行", en: "no valid rows to import" },
  truncated_row: { zh: "该行的单元格少于表头（行被截断）", en: "the row has fewer cells than the header (truncated)" },
  extra_cells: { zh: "该行的单元格多于表头", en: "the row has more cells than the header" },
  missing_value: { zh: "必填值为空", en: "a required value is empty" },
  invalid_number: { zh: "不是有效的数字", en: "not a valid number" },
  invalid_integer: { zh: "不是有效的整数", en: "not a valid whole number" },
  invalid_date: {
    zh: "不是有效的日期（支持 2015-01-31、2015/1/31、20150131 或 Excel 日期）",
    en: "not a valid date (use 2015-01-31, 2015/1/31, 20150131 or an Excel date)",
  },
  invalid_choice: { zh: "不是允许的取值", en: "not one of the allowed values" },
  negative_amount: { zh: "金额不能为负数", en: "the amount must not be negative" },
  rate_out_of_range: {
    zh: "利率超出合理范围（年利率百分数，如 4.35 表示 4.35%）",
    en: "rate out of range (annual percent: 4.35 means 4.35%)",
  },
  value_out_of_range: { zh: "数值超出允许范围", en: "value out of the allowed range" },
  text_too_long: { zh: "文本过长", en: "text too long" },
  amount_out_of_range: {
    zh: "金额超出数据库可存储的范围（±92,233,720,368,547,758.07 元）",
    en: "amount beyond what the database can hold (±92,233,720,368,547,758.07 yuan)",
  },
  nul_character: { zh: "文本含有空字符（NUL）", en: "the text holds a NUL character" },
  control_character: {
    zh: "文本含有控制字符（如 ESC、BEL）",
    en: "the text holds a control character (such as ESC or BEL)",
  },
  bidi_control: {
    zh: "文本含有双向文字控制符（如 U+202E），显示内容会与实际不同",
    en: "the text holds a bidirectional control character (such as U+202E) that makes it display as something else",
  },
  replacement_character: {
    zh: "文本含有替换字符（U+FFFD）：文件编码有误",
    en: "the text holds a replacement character (U+FFFD): the file's encoding is wrong",
  },
  control_total_overflow: {
    zh: "余额合计超出可存储的范围（±92,233,720,368,547,758.07 元）",
    en: "the balance total is beyond what the database can hold (±92,233,720,368,547,758.07 yuan)",
  },
  formula_injection: {
    zh: "文本以 = + - @ 开头，可能是公式注入，已拒绝",
    en: "text starts with = + - @ (possible formula injection) and is rejected",
  },
  maturity_before_start: { zh: "到期日早于起始日", en: "the maturity date is before the start date" },
  duplicate_key_in_file: { zh: "文件内主键重复", en: "duplicate key within the file" },
  duplicate_key_in_database: {
    zh: "该编号在数据库中已属于其他客户",
    en: "this key already belongs to another customer in the database",
  },
  unknown_customer: { zh: "客户编号在数据库中不存在", en: "unknown customer: not in the database" },
  file_too_large: { zh: "文件超过允许的大小", en: "the file is larger than an import may be" },
  too_many_rows: { zh: "数据行数超过允许的上限", en: "the file has more rows than an import may hold" },
  too_many_cells: { zh: "一行的单元格数超过上限", en: "a row has more cells than an import allows" },
  field_too_long: { zh: "单元格内容超过允许的长度", en: "a cell is longer than an import allows" },
  xlsx_too_large_inflated: {
    zh: "XLSX 解压后超过允许的大小（疑似压缩炸弹）",
    en: "the XLSX inflates beyond the allowed size (a possible zip bomb)",
  },
  xlsx_compression_ratio: {
    zh: "XLSX 中某部分的压缩比异常（疑似压缩炸弹）",
    en: "a part of the XLSX has an implausible compression ratio (a possible zip bomb)",
  },
  time_budget_exceeded: { zh: "校验超过允许的时间", en: "validation took longer than an import may take" },
  too_many_rejects: {
    zh: "被拒绝的行过多，已停止读取（文件不会被导入）",
    en: "too many rejected rows: reading stopped (the file is not loaded)",
  },
  encoding_mismatch: {
    zh: "文件中出现与所判定编码不符的字节，为避免乱码已拒绝",
    en: "bytes that do not match the file's encoding; refused rather than stored as garbled text",
  },
  mixed_encodings: {
    zh: "文件混用了多种字符编码",
    en: "the file mixes character encodings",
  },
  start_after_period: { zh: "起始日晚于考核期末", en: "the loan starts after the period ends" },
  matured_before_period: { zh: "到期日早于考核期初", en: "the loan matured before the period began" },
  days_exceed_period: { zh: "天数超过考核期的天数", en: "days exceed the length of the period" },
  days_exceed_loan_life: { zh: "天数超过贷款存续天数", en: "days exceed the loan's life (start to maturity)" },
  rate_may_be_fraction: {
    zh: "利率小于 1：可能填写的是小数（0.0435）而不是百分数（4.35），请核对",
    en: "rate below 1: it may be a fraction (0.0435) rather than a percent (4.35); please check",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonCode = keyof typeof REASONS;

/**
 * The detail each parameter adds to a reason, as ICU messages, in the order they are joined. A template may use
 * the parameters that always come with its key (day with year and month). `column` renders by the column's label.
 */
export const REASON_DETAILS = {
  column: { zh: "{column}", en: "{column}" },
  headers: { zh: "{headers}", en: "{headers}" },
  row: { zh: "第 {row} 行", en: "at row {row}" },
  firstRow: { zh: "与第 {firstRow} 行重复", en: "same as row {firstRow}" },
  cells: { zh: "{cells} 格，表头 {headerCells} 格", en: "{cells} cells, the header has {headerCells}" },
  sizeBytes: { zh: "文件 {sizeBytes} 字节", en: "the file has {sizeBytes} bytes" },
  limit: { zh: "上限 {limit}", en: "limit {limit}" },
  limitBytes: { zh: "上限 {limitBytes} 字节", en: "limit {limitBytes} bytes" },
  limitSeconds: { zh: "上限 {limitSeconds} 秒", en: "limit {limitSeconds} s" },
  part: { zh: "{part}", en: "{part}" },
  inflatedMiB: { zh: "解压后 {inflatedMiB} 兆字节", en: "{inflatedMiB} MiB inflated" },
  limitMiB: { zh: "上限 {limitMiB} 兆字节", en: "limit {limitMiB} MiB" },
  ratioLimit: { zh: "超过压缩大小的 {ratioLimit} 倍", en: "more than {ratioLimit} × its compressed size" },
  decimals: { zh: "最多 {decimals} 位小数", en: "at most {decimals} decimals" },
  day: { zh: "{year}年{month}月没有{day}日", en: "{year}-{month} has no day {day}" },
  allowed: { zh: "可填 {allowed}", en: "allowed: {allowed}" },
  encoding: { zh: "编码 {encoding}", en: "encoding {encoding}" },
  readAs: { zh: "按 {readAs} 读取", en: "read as {readAs}" },
  format: { zh: "格式 {format}", en: "format {format}" },
  sheet: { zh: "工作表 {sheet}", en: "sheet {sheet}" },
  period: { zh: "{period}：{periodStart} 至 {periodEnd}", en: "{period}: {periodStart} to {periodEnd}" },
  days: { zh: "{days} 天，上限 {maxDays} 天", en: "{days} days, at most {maxDays}" },
  startDate: { zh: "{startDate} 至 {maturityDate}", en: "{startDate} to {maturityDate}" },
  totalFen: { zh: "合计 {totalFen} 分，应为 {expectedFen} 分", en: "total {totalFen} fen, expected {expectedFen}" },
  detail: { zh: "{detail}", en: "{detail}" },
} as const satisfies Partial<Record<keyof ReasonParams, { zh: string; en: string }>>;

export type ReasonDetailKey = keyof typeof REASON_DETAILS;

/** True when `code` names a reason of this catalogue (a stored code from an older release may not). */
export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASONS, code);
}

/**
 * What a reason is about, as data: figures, row numbers, names as the file wrote them. Never words: the renderer
 * turns each present parameter into a detail (see REASON_DETAILS). Units are in the names.
 */
export type ReasonParams = {
  /** Row a file-level problem was found on (1-based, header = 1). */
  row?: number;
  /** First row holding the same key as this one. */
  firstRow?: number;
  /** Canonical column name (debt_ratio); rendered by its label. */
  column?: string;
  /** Source headers that map to one field, as written. */
  headers?: string[];
  /** Cells in the row and in the header. */
  cells?: number;
  headerCells?: number;
  /** A count an import may not pass: rows, cells in a row, characters in a cell, rejects kept. */
  limit?: number;
  limitBytes?: number;
  limitSeconds?: number;
  limitMiB?: number;
  /** The uploaded file's size. */
  sizeBytes?: number;
  /** What an XLSX part inflated to, and the compressed-size multiple it may not pass. */
  inflatedMiB?: number;
  ratioLimit?: number;
  /** Path of the XLSX part concerned (xl/sharedStrings.xml). */
  part?: string;
  /** Most decimals the value may have. */
  decimals?: number;
  /** A date that does not exist: year, month, day as written (strings so they print without grouping). */
  year?: string;
  month?: string;
  day?: string;
  /** Spellings the column accepts, as a file may write them. */
  allowed?: string;
  /** Encoding asked for, or the one the file was read as. */
  encoding?: string;
  readAs?: string;
  /** Format the file was recognised as (xls). */
  format?: string;
  sheet?: string;
  /** Period code and its first and last day (ISO dates). */
  period?: string;
  periodStart?: string;
  periodEnd?: string;
  /** Days on the row and the most it may count. */
  days?: number;
  maxDays?: number;
  /** A loan's start and maturity (ISO dates). */
  startDate?: string;
  maturityDate?: string;
  /** Balance totals in fen (decimal strings: bigint). */
  totalFen?: string;
  expectedFen?: string;
  /** A library's own message (a damaged XLSX): shown as it is, in no language of ours. */
  detail?: string;
};

/** One rejected cell, row or file: rowNumber and column are null for file-level reasons. */
export type Reject = {
  /** 1-based row in the source file; the header is row 1. */
  rowNumber: number | null;
  /** Canonical column name (e.g. "rate"), or the source header when unmapped. */
  column: string | null;
  /** The cell as read, cut to 200 characters. */
  value: string | null;
  code: ReasonCode;
  params: ReasonParams;
};

const MAX_VALUE_CHARS = 200;

// eslint-disable-next-line no-control-regex -- the characters a stored or printed reject must not carry
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A cell as a reject shows it: refused characters written as \uXXXX, so the report and the database can hold it. */
function printable(text: string | null): string | null {
  return text === null
    ? null
    : text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Printable text parameters, so a header or sheet name from the file cannot carry control characters either. */
function printableParams(params: ReasonParams): ReasonParams {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] =
      typeof value === "string"
        ? printable(value)
        : Array.isArray(value)
          ? value.map((item: string) => printable(item))
          : value;
  }
  return out;
}

/** Builds a reject: the code and its parameters, never its words. */
export function makeReject(args: {
  code: ReasonCode;
  rowNumber?: number | null;
  column?: string | null;
  value?: string | null;
  params?: ReasonParams;
}): Reject {
  const value = printable(args.value ?? null);
  return {
    rowNumber: args.rowNumber ?? null,
    column: printable(args.column ?? null),
    value: value !== null && value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value,
    code: args.code,
    params: printableParams(args.params ?? {}),
  };
}
