import type { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { type TableRow, type TableRows, TableReadError } from "./table-row";
import type { ReasonCode, ReasonParams } from "../reasons";
import { createWakeup } from "../wakeup";

/** Messages to the parsing thread. */
export type ToCsvWorker =
  | { type: "start"; encoding: string; delimiter: string }
  | { type: "bytes"; chunk: Uint8Array }
  | { type: "end" }
  /** One batch of rows has been taken by the validation: room for another. */
  | { type: "taken" };

/** A parsing failure as it crosses threads: a file-level reason, or anything else as its message. */
export type CsvWorkerFailure =
  | { isReadError: true; code: ReasonCode; rowNumber: number | null; params?: ReasonParams }
  | { isReadError: false; message: string };

/** Messages from the parsing thread. */
export type FromCsvWorker =
  | { type: "ready" }
  /** Its input wants the next chunk of the file's bytes. */
  | { type: "more" }
  /** Structured cloning gives each cell a string of its own (a slice would keep the whole batch alive). */
  | { type: "rows"; rows: TableRow[] }
  | { type: "done" }
  | { type: "failed"; failure: CsvWorkerFailure };

/** How long a parsing thread may take to start before the file is parsed on the calling thread instead. */
const START_TIMEOUT_MS = 15_000;

/**
 * The worker is TypeScript source like the rest of the workspace: it registers tsx, then loads csv-worker.ts. The path
 * is built from this module's own (not `new URL(relative, import.meta.url)`, which bundlers take for an asset).
 */
function bootstrapCode(): string {
  const here = import.meta.url;
  const workerUrl = `${here.slice(0, here.lastIndexOf("/"))}/csv-worker.ts`;
  return `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

/**
 * Starts a parsing thread and waits until it is ready. Null when it cannot start here (no tsx, a bundled copy of
 * this module whose source is elsewhere, a thread refused): the caller then parses on its own thread, and since no
 * byte has been read yet nothing is lost.
 */
export async function startCsvWorker(timeoutMs = START_TIMEOUT_MS): Promise<Worker | null> {
  let worker: Worker;
  try {
    worker = new Worker(bootstrapCode(), { eval: true });
  } catch {
    return null;
  }
  const isReady = await new Promise<boolean>((resolve) => {
    const settle = (ready: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onFailure);
      worker.off("exit", onFailure);
      resolve(ready);
    };
    const onMessage = (message: FromCsvWorker) => {
      if (message.type === "ready") settle(true);
    };
    const onFailure = () => settle(false);
    const timer = setTimeout(onFailure, timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onFailure);
    worker.on("exit", onFailure);
  });
  if (isReady) return worker;
  void worker.terminate();
  return null;
}

function toError(failure: CsvWorkerFailure): Error {
  return failure.isReadError
    ? new TableReadError(failure.code, failure.rowNumber, failure.params)
    : new Error(`CSV parsing failed: ${failure.message}`);
}

/**
 * Rows parsed by `worker` (started by startCsvWorker) from `bytes`, which this thread reads and hands over chunk by
 * chunk as the parser asks for them; the worker runs at most a few batches ahead of the validation. Rows come in file
 * order, then the worker's error if it stopped on one. The worker is stopped when the rows end or the caller stops.
 */
export async function* readCsvRowsInWorker(
  worker: Worker,
  bytes: Readable,
  options: { encoding: string; delimiter: string },
): TableRows {
  const chunks = bytes[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const batches: TableRow[][] = [];
  let isDone = false;
  let failure: Error | null = null;
  const { signal, wait } = createWakeup();
  const failureOf = (): Error | null => failure;
  const fail = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    signal();
  };
  /** Hands over the next chunk of bytes, copied into a buffer of its own that moves to the worker. */
  const feed = async () => {
    try {
      const next = await chunks.next();
      if (next.done) return worker.postMessage({ type: "end" } satisfies ToCsvWorker);
      const chunk = new Uint8Array(next.value);
      worker.postMessage({ type: "bytes", chunk } satisfies ToCsvWorker, [chunk.buffer]);
    } catch (error) {
      fail(error);
    }
  };
  const onMessage = (message: FromCsvWorker) => {
    if (message.type === "more") void feed();
    else if (message.type === "rows") {
      batches.push(message.rows);
      signal();
    } else if (message.type === "done") {
      isDone = true;
      signal();
    } else if (message.type === "failed") fail(toError(message.failure));
  };
  const onExit = () => fail(new Error("the CSV parsing thread stopped before the end of the file"));
  worker.on("message", onMessage);
  worker.on("error", fail);
  worker.on("exit", onExit);
  try {
    worker.postMessage({ type: "start", ...options } satisfies ToCsvWorker);
    for (;;) {
      const batch = batches.shift();
      // Read through a function: the listeners set it, which narrowing on a local cannot see.
      const stopped = failureOf();
      if (batch) {
        worker.postMessage({ type: "taken" } satisfies ToCsvWorker);
        yield batch;
      } else if (stopped) throw stopped;
      else if (isDone) return;
      else await wait();
    }
  } finally {
    worker.off("message", onMessage);
    worker.off("error", fail);
    worker.off("exit", onExit);
    void worker.terminate();
    bytes.destroy();
  }
}
