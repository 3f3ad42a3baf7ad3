import type { Readable } from "node:stream";
import { createWakeup } from "../wakeup";

/**
 * Rows per batch at most. Each step of an async iteration costs a promise and a turn of the microtask queue; at a
 * million rows, taken one by one through three layers, that was a fifth of an import's time. A batch of a few
 * hundred rows spreads it thin while memory still holds only a few dozen kilobytes of cells.
 */
export const ROWS_PER_BATCH = 512;

/**
 * Reads an object-mode stream in batches of what it has buffered (at most `maxPerBatch`, never empty): one await per
 * batch instead of one per record. Throws the stream's error, or ERR_STREAM_PREMATURE_CLOSE when it is destroyed
 * before its end, as the stream's own async iterator does; stopping early destroys the stream, as that one does too.
 */
export async function* readInBatches<T>(stream: Readable, maxPerBatch = ROWS_PER_BATCH): AsyncGenerator<T[]> {
  const { signal, wait } = createWakeup();
  const events = ["readable", "end", "error", "close"] as const;
  for (const event of events) stream.on(event, signal);
  try {
    for (;;) {
      const batch: T[] = [];
      while (batch.length < maxPerBatch) {
        const item = stream.read() as T | null;
        if (item === null) break;
        batch.push(item);
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (stream.errored) throw stream.errored;
      if (stream.readableEnded) return;
      if (stream.destroyed) throw Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" });
      // Events fire in later ticks, so none is missed between the empty read above and this wait.
      await wait();
    }
  } finally {
    for (const event of events) stream.off(event, signal);
    // A reader that stops early ends the stream, as the stream's own iterator does: a pipeline into it then settles
    // instead of waiting for a reader that is gone.
    if (!stream.readableEnded) stream.destroy();
  }
}

/** Regroups rows arriving one by one into batches of at most `maxPerBatch` (the last may be shorter). */
export async function* batchRows<T>(items: AsyncIterable<T>, maxPerBatch = ROWS_PER_BATCH): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= maxPerBatch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
