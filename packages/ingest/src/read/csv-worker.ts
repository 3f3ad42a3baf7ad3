/**
 * The CSV parsing thread (see csv-thread.ts): parses the bytes the calling thread hands it with parseCsvRows, the
 * same function the calling thread runs for small files, and sends the rows back in batches.
 */
import { Readable } from "node:stream";
import { parentPort } from "node:worker_threads";
import type { CsvWorkerFailure, FromCsvWorker, ToCsvWorker } from "./csv-thread";
import { parseCsvRows } from "./read-csv";
import { TableReadError } from "./table-row";
import { createWakeup } from "../wakeup";

/** Batches sent and not yet taken, at most: the parser runs this far ahead of the validation. */
const MAX_UNTAKEN_BATCHES = 8;

const port = parentPort!;
const post = (message: FromCsvWorker) => port.postMessage(message);

let source: Readable | null = null;
let untaken = 0;
/** Wakes the parser when a batch is taken. */
const taken = createWakeup();

function describeFailure(error: unknown): CsvWorkerFailure {
  if (error instanceof TableReadError)
    return { isReadError: true, code: error.code, rowNumber: error.rowNumber, params: error.params };
  return { isReadError: false, message: error instanceof Error ? error.message : String(error) };
}

async function parse(options: { encoding: string; delimiter: string }): Promise<void> {
  // One request for bytes at a time: the stream asks again only after a chunk was pushed.
  source = new Readable({ highWaterMark: 256 * 1024, read: () => post({ type: "more" }) });
  try {
    for await (const rows of parseCsvRows(source, options)) {
      post({ type: "rows", rows });
      untaken++;
      while (untaken >= MAX_UNTAKEN_BATCHES) await taken.wait();
    }
    post({ type: "done" });
  } catch (error) {
    post({ type: "failed", failure: describeFailure(error) });
  }
}

port.on("message", (message: ToCsvWorker) => {
  if (message.type === "start") void parse(message);
  else if (message.type === "bytes") source?.push(Buffer.from(message.chunk.buffer, 0, message.chunk.byteLength));
  else if (message.type === "end") source?.push(null);
  else if (message.type === "taken") {
    untaken--;
    taken.signal();
  }
});
post({ type: "ready" });
