import { isAscii, isUtf8 } from "node:buffer";
import { Transform } from "node:stream";
import { TableReadError } from "./table-row";

/** Longest stretch of one line held while looking for its end, bytes; csv-parse refuses longer records anyway. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Non-ASCII bytes a valid-UTF-8 line needs before it counts as UTF-8 text in a GBK file (two CJK characters). */
const UTF8_EVIDENCE_BYTES = 6;

type LineVerdict = "ascii" | "utf8" | "not-utf8";

function judgeLine(line: Buffer): LineVerdict {
  if (isAscii(line)) return "ascii";
  if (!isUtf8(line)) return "not-utf8";
  let nonAscii = 0;
  for (const byte of line) if (byte >= 0x80) nonAscii++;
  return nonAscii >= UTF8_EVIDENCE_BYTES ? "utf8" : "ascii";
}

/** Where a line may be cut without splitting a UTF-8 sequence: before the last lead byte. */
function safeCut(bytes: Buffer): number {
  let cut = bytes.length;
  while (cut > 0 && (bytes[cut - 1]! & 0xc0) === 0x80) cut--;
  return cut > 0 && bytes[cut - 1]! >= 0xc0 ? cut - 1 : cut;
}

/**
 * Checks every line of a text file against the encoding it is read with, so a file that changes encoding
 * after the sniffed head is refused rather than stored as U+FFFD or mojibake: in a file read as UTF-8, any line
 * that is not valid UTF-8; in a file read as GBK / GB18030, any line of valid multi-byte UTF-8 text. Lines are
 * counted from 1 (the header), as the reject rows are. UTF-16 and other encodings pass unchecked.
 */
export function verifyEncodingLines(encoding: string): Transform {
  const family = /^utf-?8$/i.test(encoding) ? "utf8" : /^(gbk|gb18030|gb2312|cp936)$/i.test(encoding) ? "gbk" : null;
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer): TableReadError | null => {
    if (family === null || bytes.length === 0) return null;
    const verdict = judgeLine(bytes);
    if (family === "utf8" && verdict === "not-utf8")
      return new TableReadError("encoding_mismatch", line, { readAs: "UTF-8", row: line });
    if (family === "gbk" && verdict === "utf8")
      return new TableReadError("mixed_encodings", line, { readAs: encoding, row: line });
    return null;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (family === null) return callback(null, chunk);
      let start = 0;
      let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
        const failure = check(bytes.subarray(start, end));
        if (failure) return callback(failure);
        line++;
        start = end + 1;
      }
      bytes = bytes.subarray(start);
      if (bytes.length > MAX_LINE_BYTES) {
        const cut = safeCut(bytes);
        const failure = check(bytes.subarray(0, cut));
        if (failure) return callback(failure);
        bytes = bytes.subarray(cut);
      }
      carry = Buffer.from(bytes);
      callback(null, chunk);
    },
    flush(callback) {
      callback(check(carry));
    },
  });
}
