// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types of an untyped package, needed wherever this file is compiled (the CLI and web include it through the package)
/// <reference path="./unzipper.d.ts" />
import type { Readable } from "node:stream";
import { Parse } from "unzipper";

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

/**
 * Reads the sheet list of an XLSX from `xl/workbook.xml` in one pass over the zip (other parts are
 * skipped unread). exceljs' streaming reader needs it before the sheets and, on files that store
 * workbook.xml last (its own writer does), sometimes parses a sheet first and fails
 * (exceljs issue #3064); handing it this metadata up front avoids the race.
 */
export async function readWorkbookMeta(bytes: Readable): Promise<WorkbookMeta> {
  const zip = Parse({ forceStream: true });
  bytes.pipe(zip);
  let xml: string | null = null;
  try {
    for await (const entry of zip) {
      if (entry.path === "xl/workbook.xml") xml = (await entry.buffer()).toString("utf8");
      else entry.autodrain();
    }
  } finally {
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
