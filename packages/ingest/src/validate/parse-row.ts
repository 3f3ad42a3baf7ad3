import type { Period } from "@creditseg/core/calendar";
import type { ColumnBinding } from "../headers/match-headers";
import { makeReject, REASONS, type ReasonCode, type Reject } from "../reasons";
import type { KindSpec } from "../specs/column-spec";
import { type CellValue, cellToText, isBlankCell } from "../values/cell";

export type RowParse = {
  /** The validated row, or null when the row is rejected. */
  row: Record<string, unknown> | null;
  rejects: Reject[];
  /** Judgement calls on an accepted row, shown in the report. */
  warnings: Reject[];
  /** The control-total field's value when it could be read, even on a rejected row. */
  totalFen: bigint | null;
};

export type RowParser = (rowNumber: number, cells: readonly CellValue[]) => RowParse;

function toReasonCode(message: string): ReasonCode {
  return message in REASONS ? (message as ReasonCode) : "value_out_of_range";
}

/**
 * Builds the parser of one file's rows: cells → typed values (by each column's parser and the unit
 * its header names) → the kind's zod schema. One parser per pass: the row finisher is stateful.
 * `isFixedWidth` (CSV) rejects rows with fewer or more cells than the header.
 */
export function createRowParser(args: {
  spec: KindSpec;
  bindings: readonly ColumnBinding[];
  headerWidth: number;
  isFixedWidth: boolean;
  /** The period periodic rows are checked against; null for master data and curves. */
  period: Period | null;
}): RowParser {
  const { spec, bindings, headerWidth, isFixedWidth, period } = args;
  const noWarnings: Reject[] = [];
  const finish = spec.createRowFinisher?.() ?? ((row: Record<string, unknown>) => row);
  const boundFields = new Set(bindings.map((binding) => binding.spec.field));
  const unboundDefaults = spec.columns
    .filter((column) => !boundFields.has(column.field))
    .map((column) => [column.field, column.emptyValue ?? null] as const);
  const bindingByField = new Map(bindings.map((binding) => [binding.spec.field, binding]));
  const totalBinding = spec.totalField ? bindingByField.get(spec.totalField) : undefined;

  return (rowNumber, cells) => {
    const rejects: Reject[] = [];
    let totalFen: bigint | null = null;
    if (totalBinding) {
      const cell = cells[totalBinding.index] ?? null;
      const total = isBlankCell(cell) ? null : totalBinding.spec.parse(cell, totalBinding.unit);
      if (total?.ok) totalFen = total.value as bigint;
    }
    if (isFixedWidth && cells.length !== headerWidth) {
      const hasExtraContent = cells.slice(headerWidth).some((cell) => !isBlankCell(cell));
      if (cells.length < headerWidth || hasExtraContent) {
        const code = cells.length < headerWidth ? "truncated_row" : "extra_cells";
        return {
          row: null,
          rejects: [
            makeReject({
              code,
              rowNumber,
              value: cells.map(cellToText).join("|"),
              params: { cells: cells.length, headerCells: headerWidth },
            }),
          ],
          warnings: noWarnings,
          totalFen,
        };
      }
    }
    const row: Record<string, unknown> = {};
    for (const [field, value] of unboundDefaults) row[field] = value;
    for (const binding of bindings) {
      const cell = cells[binding.index] ?? null;
      if (isBlankCell(cell)) {
        if (binding.spec.isRequired)
          rejects.push(makeReject({ code: "missing_value", rowNumber, column: binding.spec.name, value: "" }));
        else row[binding.spec.field] = binding.spec.emptyValue ?? null;
        continue;
      }
      const result = binding.spec.parse(cell, binding.unit);
      if (result.ok) row[binding.spec.field] = result.value;
      else
        rejects.push(
          makeReject({
            code: result.code,
            rowNumber,
            column: binding.spec.name,
            value: cellToText(cell),
            params: result.params,
          }),
        );
    }
    if (rejects.length > 0) return { row: null, rejects, warnings: noWarnings, totalFen };
    const finished = finish(row);
    const checked = spec.schema.safeParse(finished);
    if (checked.success) {
      const findings = period && spec.checkAgainstPeriod ? spec.checkAgainstPeriod(finished, period) : [];
      if (findings.length === 0) return { row: finished, rejects, warnings: noWarnings, totalFen };
      const warnings: Reject[] = [];
      for (const finding of findings) {
        const binding = bindingByField.get(finding.field);
        const reject = makeReject({
          code: finding.code,
          rowNumber,
          column: binding?.spec.name ?? finding.field,
          value: cellToText(binding ? (cells[binding.index] ?? null) : null),
          params: finding.params,
        });
        (finding.severity === "reject" ? rejects : warnings).push(reject);
      }
      return { row: rejects.length > 0 ? null : finished, rejects, warnings, totalFen };
    }
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      const binding = bindingByField.get(field);
      const cell = binding ? (cells[binding.index] ?? null) : null;
      rejects.push(
        makeReject({
          code: toReasonCode(issue.message),
          rowNumber,
          column: binding?.spec.name ?? field,
          value: cellToText(cell),
        }),
      );
    }
    return { row: null, rejects, warnings: noWarnings, totalFen };
  };
}
