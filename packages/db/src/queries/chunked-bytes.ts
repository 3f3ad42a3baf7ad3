/** Bytes one chunk row holds at most: a chunk is buffered while it fills, so this bounds a file's memory. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

export type ChunkSink = {
  /** Adds bytes; a chunk is written each time FILE_CHUNK_BYTES have gathered. */
  write: (piece: Uint8Array) => Promise<void>;
  /** Writes what is left as the last chunk; answers the total bytes written. */
  end: () => Promise<number>;
};

/**
 * Re-cuts a stream of pieces of any size into chunks of `chunkBytes` (the last one shorter), handing each to
 * `writeChunk` with its sequence number 0, 1, 2, …: how files are kept in the database a chunk row at a time.
 */
export function createChunkSink(
  writeChunk: (seq: number, bytes: Uint8Array) => Promise<void>,
  chunkBytes: number = FILE_CHUNK_BYTES,
): ChunkSink {
  let size = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await writeChunk(seq++, bytes);
  };
  return {
    write: async (piece) => {
      size += piece.byteLength;
      let offset = 0;
      while (offset < piece.byteLength) {
        const take = Math.min(chunkBytes - pendingBytes, piece.byteLength - offset);
        pending.push(piece.subarray(offset, offset + take));
        pendingBytes += take;
        offset += take;
        if (pendingBytes === chunkBytes) await flush();
      }
    },
    end: async () => {
      await flush();
      return size;
    },
  };
}

/** A file's chunks in order, one row read at a time, until `readChunk` finds none at the next sequence number. */
export async function* readChunksInOrder(
  readChunk: (seq: number) => Promise<Uint8Array | null>,
): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const bytes = await readChunk(seq);
    if (!bytes) return;
    yield bytes;
  }
}
