import { type CellParse, type CellValue, failed, parsed } from "./cell";

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel's day 0 is 1899-12-31, but it counts a 29 Feb 1900 that never was: from serial 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A calendar date that exists (2015-02-30 does not) within 1900–2100, as YYYY-MM-DD. */
function validDate(year: number, month: number, day: number): CellParse<string> {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return failed("invalid_date");
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return failed("invalid_date", { year: String(year), month: String(month), day: String(day) });
  return parsed(formatIso(year, month, day));
}

/** Excel serial day number → ISO date; a fraction (time of day) is dropped. */
function fromExcelSerial(serial: number): CellParse<string> {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return failed("invalid_date");
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
  return parsed(formatIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
}

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{2,5}(\.\d+)?$/;

/**
 * Parses the date forms bank exports use: 2015-01-31, 2015/1/31, 2015.1.31, 2015年1月31日,
 * 20150131, an Excel serial (42035) or an XLSX date cell; a time part is ignored.
 * Dates that do not exist, such as 2015-02-30, are rejected.
 */
export function parseDate(cell: CellValue): CellParse<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return failed("invalid_date");
    return validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") return fromExcelSerial(cell);
  if (typeof cell !== "string") return failed("invalid_date");
  const text = cell.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, "");
  const separated = SEPARATED.exec(text);
  if (separated) return validDate(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  const compact = COMPACT.exec(text);
  if (compact) return validDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (SERIAL.test(text)) return fromExcelSerial(Number(text));
  return failed("invalid_date");
}
