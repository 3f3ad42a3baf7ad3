import { IMPORT_KINDS } from "@creditseg/core/constants";
import { describe, expect, it } from "vitest";
import { inspectFile } from "../inspect-file";
import { bufferSource } from "../source";
import { KIND_SPECS } from "../specs";
import { createRowParser } from "../validate/parse-row";
import { matchHeaders } from "../headers/match-headers";
import { buildTemplate } from "./build-template";

describe.each(["csv", "xlsx"] as const)("buildTemplate(%s)", (format) => {
  it.each(IMPORT_KINDS)("%s: its headers bind every column and its example row validates", async (kind) => {
    const inspection = await inspectFile({
      file: bufferSource(`template.${format}`, await buildTemplate(kind, format)),
      kind,
    });
    expect(inspection.fileRejects).toEqual([]);
    expect(inspection.missingColumns).toEqual([]);
    expect(inspection.unknownHeaders).toEqual([]);
    expect(inspection.previewRows).toHaveLength(1);
    const spec = KIND_SPECS[kind];
    const match = matchHeaders(spec, inspection.headers);
    expect(match.bindings).toHaveLength(spec.columns.length);
    const parseRow = createRowParser({
      spec,
      bindings: match.bindings,
      headerWidth: inspection.headers.length,
      isFixedWidth: false,
      period: null,
    });
    const parsed = parseRow(2, inspection.previewRows[0]!);
    expect(parsed.rejects).toEqual([]);
  });
});
