/**
 * Every reason a file or a row is rejected, with the message users read in Chinese and English.
 * The code is the stable name tests, the API and the downloadable report use.
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
    zh: "某一行超过 1 MB，文件可能已损坏",
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
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonCode = keyof typeof REASONS;

/** One rejected cell, row or file: rowNumber and column are null for file-level reasons. */
export type Reject = {
  /** 1-based row in the source file; the header is row 1. */
  rowNumber: number | null;
  /** Canonical column name (e.g. "rate"), or the source header when unmapped. */
  column: string | null;
  /** The cell as read, cut to 200 characters. */
  value: string | null;
  code: ReasonCode;
  messageZh: string;
  messageEn: string;
};

const MAX_VALUE_CHARS = 200;

/** Builds a reject with its bilingual message; `detail` (e.g. "row 12", a column name) is appended to both. */
export function makeReject(args: {
  code: ReasonCode;
  rowNumber?: number | null;
  column?: string | null;
  value?: string | null;
  detailZh?: string;
  detailEn?: string;
}): Reject {
  const reason = REASONS[args.code];
  const value = args.value ?? null;
  return {
    rowNumber: args.rowNumber ?? null,
    column: args.column ?? null,
    value: value !== null && value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value,
    code: args.code,
    messageZh: args.detailZh ? `${reason.zh}：${args.detailZh}` : reason.zh,
    messageEn: args.detailEn ? `${reason.en}: ${args.detailEn}` : reason.en,
  };
}
