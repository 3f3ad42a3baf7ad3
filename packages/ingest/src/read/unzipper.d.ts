// unzipper ships no types; only the streaming parser is used (to read workbook metadata).
declare module "unzipper" {
  import type { Duplex, Readable } from "node:stream";
  type Entry = Readable & {
    path: string;
    /** Sizes from the local file header: 0 when the entry defers them to a data descriptor. */
    vars: { compressedSize: number; uncompressedSize: number };
    type: "File" | "Directory";
    autodrain: () => { promise: () => Promise<void> };
    buffer: () => Promise<Buffer>;
  };
  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
}
