import chardet from "chardet";
import iconv from "iconv-lite";
import type { ReasonCode, ReasonParams } from "../reasons";
import type { ImportSource } from "../source";

export const SNIFF_BYTES = 64 * 1024;

export type FileSniff =
  | { format: "csv"; encoding: string; sample: string }
  | { format: "xlsx" }
  | { format: "empty" }
  | { format: "invalid"; code: ReasonCode; params?: ReasonParams };

/** Reads up to `limit` bytes from the start of the source, then stops reading. */
export async function readHead(source: ImportSource, limit = SNIFF_BYTES): Promise<Buffer> {
  const stream = source.open();
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      length += buffer.length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** Bytes that never occur in text files (NUL and most C0 controls; tab, newlines, form feed and ESC-free). */
function countControlBytes(bytes: Buffer): number {
  let count = 0;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) count++;
  }
  return count;
}

/** True when the bytes are valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Buffer, isWholeFile: boolean): boolean {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    if (isWholeFile) decoder.decode(bytes);
    else decoder.decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides how to read a file from its first bytes: XLSX (a zip), old XLS (refused), binary junk
 * (refused), or text with its encoding: BOM first, then valid UTF-8, then a Chinese encoding
 * (GB18030, the superset of GBK, unless detection says Big5). An explicit encoding wins.
 */
export async function sniffFile(source: ImportSource, explicitEncoding?: string): Promise<FileSniff> {
  const head = await readHead(source);
  if (head.length === 0) return { format: "empty" };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: "xlsx" };
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return { format: "invalid", code: "unsupported_format", params: { format: "xls" } };
  const isWholeFile = source.size !== undefined ? head.length >= source.size : head.length < SNIFF_BYTES;
  let encoding: string;
  if (explicitEncoding) {
    if (!iconv.encodingExists(explicitEncoding))
      return { format: "invalid", code: "unsupported_encoding", params: { encoding: explicitEncoding } };
    encoding = explicitEncoding;
  } else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = "utf-8";
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = "utf-16le";
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = "utf-16be";
  } else if (countControlBytes(head) > Math.max(2, head.length / 200)) {
    return { format: "invalid", code: "binary_file" };
  } else if (isUtf8(head, isWholeFile)) {
    encoding = "utf-8";
  } else {
    encoding = chardet.detect(head) === "Big5" ? "big5" : "gb18030";
  }
  const sample = iconv.decode(head, encoding);
  if (
    !encoding.startsWith("utf-16") &&
    countControlBytes(Buffer.from(sample.replace(/\uFFFD/g, "\u0000"), "utf8")) > Math.max(2, sample.length / 200)
  ) {
    return { format: "invalid", code: "binary_file" };
  }
  return { format: "csv", encoding, sample };
}
