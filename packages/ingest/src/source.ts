import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";

/**
 * A file to import that can be read more than once (validation, then the commit pass), so rows
 * are streamed twice instead of being held in memory.
 */
export type ImportSource = {
  name: string;
  /** Size in bytes when known, for progress. */
  size?: number;
  open: () => Readable;
};

/** A file on disk. */
export function fileSource(path: string): ImportSource {
  return {
    name: basename(path),
    size: statSync(path).size,
    open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
}

/** An uploaded file already in memory (the web upload). */
export function bufferSource(name: string, bytes: Uint8Array): ImportSource {
  return {
    name,
    size: bytes.byteLength,
    open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
  };
}
