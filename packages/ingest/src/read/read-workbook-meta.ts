// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types of an untyped package, needed wherever this file is compiled (the CLI and web include it through the package)
/// <reference path="./unzipper.d.ts" />
import type { Readable } from "node:stream";
import { Parse } from "unzipper";
import type { ImportBudgets } from "../budgets";
import { TableReadError } from "./table-row";

/** A sheet as the workbook lists it, in workbook order; `rId` links it to its part through the rels. */
export type WorkbookSheet = { name: string; id: number; rId: string; state: string };
export type WorkbookMeta = { sheets: WorkbookSheet[]; isDate1904: boolean };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITIES[body] ?? entity;
  });
}

function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g))
    attributes.set(match[1]!.replace(/^\w+:(?=id$)/, "r:"), decodeXml(match[2]!));
  return attributes;
}

/** Inflated bytes any part may reach beyond ratio × its compressed size: small XML parts compress far better. */
const RATIO_SLACK_BYTES = 1024 * 1024;
/** Largest workbook.xml read into memory (it lists sheets; real ones are kilobytes). */
const MAX_WORKBOOK_XML_BYTES = 16 * 1024 * 1024;
const SHARED_STRINGS = /^xl\/sharedStrings\d*\.xml$/i;

type InflateLimits = { budgets: ImportBudgets; compressedBytes: number | null };

/** Bytes as whole MiB, for the limits a refusal names. */
const mib = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Reads the sheet list of an XLSX from `xl/workbook.xml` in one pass over the zip, inflating every other part
 * only to count its bytes against the budgets: total inflated size, the shared strings (which exceljs caches in
 * memory) and each part's compression ratio. A zip bomb is refused here, with a cap on the bytes inflated, before
 * exceljs sees the file. exceljs' streaming reader needs the sheet list before the sheets and, on files that
 * store workbook.xml last (its own writer does), sometimes parses a sheet first and fails (exceljs issue #3064);
 * handing it this metadata up front avoids the race.
 */
export async function readWorkbookMeta(bytes: Readable, limits: InflateLimits): Promise<WorkbookMeta> {
  const { budgets } = limits;
  const zip = Parse({ forceStream: true });
  bytes.on("error", (error) => zip.destroy(error));
  bytes.pipe(zip);
  let xml: string | null = null;
  let totalInflated = 0;
  // A truncated or damaged zip fails on the parser, not on the entry being read: end that entry's read with it.
  // The parser may still hand out an entry after it failed; that entry's stream never ends.
  let current: Readable | null = null;
  // A holder, not a `let`: the error is set from a stream callback, which control-flow narrowing cannot see.
  const refused: { failure: Error | null } = { failure: null };
  const fail = (error: Error) => {
    refused.failure ??= error;
    current?.destroy(refused.failure);
  };
  zip.on("error", fail);
  zip.on("close", () => fail(new Error("the zip ended inside an entry")));
  try {
    for await (const entry of zip) {
      current = entry;
      // Its read below sees the error; an entry abandoned on a refusal must not raise it unhandled.
      entry.on("error", () => undefined);
      if (refused.failure) throw refused.failure;
      const isSharedStrings = SHARED_STRINGS.test(entry.path);
      const entryCap = Math.min(
        isSharedStrings ? budgets.maxXlsxSharedStringsBytes : Infinity,
        entry.path === "xl/workbook.xml" ? MAX_WORKBOOK_XML_BYTES : Infinity,
      );
      const compressed = entry.vars.compressedSize || limits.compressedBytes || Infinity;
      const ratioCap = compressed * budgets.maxXlsxEntryRatio + RATIO_SLACK_BYTES;
      if (entry.vars.uncompressedSize > entryCap || entry.vars.uncompressedSize > ratioCap) {
        entry.autodrain();
        throw inflateRefusal(entry.path, entry.vars.uncompressedSize > entryCap, budgets, entry.vars.uncompressedSize);
      }
      const kept: Buffer[] = [];
      let inflated = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        totalInflated += chunk.length;
        if (inflated > entryCap) throw inflateRefusal(entry.path, true, budgets, inflated);
        if (inflated > ratioCap) throw inflateRefusal(entry.path, false, budgets, inflated);
        if (totalInflated > budgets.maxXlsxInflatedBytes)
          throw new TableReadError("xlsx_too_large_inflated", null, {
            limitMiB: mib(budgets.maxXlsxInflatedBytes),
          });
        if (entry.path === "xl/workbook.xml") kept.push(chunk);
      }
      current = null;
      if (entry.path === "xl/workbook.xml") xml = Buffer.concat(kept).toString("utf8");
    }
  } finally {
    bytes.unpipe(zip);
    zip.destroy();
    bytes.destroy();
  }
  if (xml === null) throw new Error("xl/workbook.xml not found");
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((match) => {
    const attributes = readAttributes(match[0]);
    return {
      name: attributes.get("name") ?? "",
      id: Number(attributes.get("sheetId") ?? 0),
      rId: attributes.get("r:id") ?? "",
      state: attributes.get("state") ?? "visible",
    };
  });
  const workbookPr = /<(?:\w+:)?workbookPr\s[^>]*>/.exec(xml);
  const date1904 = workbookPr ? readAttributes(workbookPr[0]).get("date1904") : undefined;
  return { sheets, isDate1904: date1904 === "1" || date1904 === "true" };
}

function inflateRefusal(path: string, isOverSize: boolean, budgets: ImportBudgets, inflated: number): TableReadError {
  if (isOverSize) {
    const limit = SHARED_STRINGS.test(path) ? budgets.maxXlsxSharedStringsBytes : MAX_WORKBOOK_XML_BYTES;
    return new TableReadError("xlsx_too_large_inflated", null, { part: path, limitMiB: mib(limit) });
  }
  return new TableReadError("xlsx_compression_ratio", null, {
    part: path,
    inflatedMiB: mib(inflated),
    ratioLimit: budgets.maxXlsxEntryRatio,
  });
}
