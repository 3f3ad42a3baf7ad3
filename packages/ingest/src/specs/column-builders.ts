import { type CellParse, type CellValue, parseText } from "../values/cell";
import { parseDate } from "../values/parse-date";
import { parseAmountFen, parseDecimal, parseInteger, parseRatePct } from "../values/parse-number";
import type { ColumnSpec } from "./column-spec";

type Base = Pick<ColumnSpec, "name" | "field" | "labelZh" | "aliases" | "example"> & {
  isRequired?: boolean;
  emptyValue?: unknown;
};

const withDefaults = (base: Base, parse: ColumnSpec["parse"], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  ...base,
  isRequired: base.isRequired ?? true,
  parse,
  ...extra,
});

export const textColumn = (base: Base) => withDefaults(base, (cell) => parseText(cell));
export const amountColumn = (base: Base) =>
  withDefaults(base, (cell, unit) => parseAmountFen(cell, unit), { isAmount: true });
export const rateColumn = (base: Base) => withDefaults(base, (cell) => parseRatePct(cell));
export const decimalColumn = (base: Base) => withDefaults(base, (cell) => parseDecimal(cell));
export const dateColumn = (base: Base) => withDefaults(base, (cell) => parseDate(cell));
export const integerColumn = (base: Base) => withDefaults(base, (cell) => parseInteger(cell));
export const choiceColumn = (base: Base, parse: (cell: CellValue) => CellParse<string>) =>
  withDefaults(base, (cell) => parse(cell));
export const booleanColumn = (base: Base, parse: (cell: CellValue) => CellParse<boolean>) =>
  withDefaults(base, (cell) => parse(cell));
