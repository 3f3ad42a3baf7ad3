import { type CsvBlock, toCopyCsvLine } from "@creditseg/db";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { RowSpool } from "./row-spool";
import { createWakeup } from "../wakeup";

/**
 * Accepted rows handed from the validation straight to a COPY that runs beside it (PostgreSQL), encoded as COPY CSV
 * and cut into blocks: the file is read once and the database loads while the next rows are still being checked.
 * Bounded: a writer waits while `maxQueuedBlocks` blocks are unsent, so memory holds a few blocks whatever the file.
 */
export type RowChannel = RowSpool & {
  /**
   * Ends the channel with an error (a thrown non-Error is wrapped): the reader's next block throws it, and so does the
   * writer's next write. The first reason stays.
   */
  fail: (reason: unknown) => void;
};

/**
 * Characters per block: one protocol write. Kept well under V8's large-object size (a two-byte string of 32 K
 * characters is 64 KB), so blocks are collected young instead of by full garbage collections.
 */
const BLOCK_CHARS = 32 * 1024;

export function createRowChannel(options: { maxQueuedBlocks?: number } = {}): RowChannel {
  const maxQueued = options.maxQueuedBlocks ?? 32;
  const queue: CsvBlock[] = [];
  let text = "";
  let rows = 0;
  let isEnded = false;
  let failure: Error | null = null;
  /** Wakes whichever side waits: the reader for a block, the writer for room. */
  const { signal, wait: waitForSignal } = createWakeup();
  const push = async () => {
    if (rows === 0) return;
    queue.push({ parts: [text], rows });
    text = "";
    rows = 0;
    signal();
    // One turn of the event loop per block: the reader writes it to the socket and the socket flushes now, not when
    // the writer next waits (the parsing in between would otherwise leave the database idle for thousands of rows).
    await nextTurn();
    while (queue.length >= maxQueued && !failure) await waitForSignal();
    if (failure) throw failure;
  };
  return {
    write: (values) => {
      if (failure) return Promise.reject(failure);
      text += toCopyCsvLine(values);
      rows++;
      return text.length >= BLOCK_CHARS ? push() : undefined;
    },
    finish: async () => {
      await push();
      isEnded = true;
      signal();
    },
    fail: (reason) => {
      failure ??= reason instanceof Error ? reason : new Error(String(reason));
      signal();
    },
    blocks: async function* () {
      for (;;) {
        if (failure) throw failure;
        const block = queue.shift();
        if (block) {
          signal();
          yield block;
        } else if (isEnded) return;
        else await waitForSignal();
      }
    },
    dispose: () => {
      failure ??= new Error("the row channel was closed");
      queue.length = 0;
      signal();
    },
  };
}
