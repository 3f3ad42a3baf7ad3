import type { DbHandle } from "@creditseg/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Auth } from "../auth/auth";
import { describeErrorForLog } from "../http/log-error";
import { appRouter } from "./root";
import { createTrpcContext } from "./trpc";

/** Calls one batch may hold: a page needs a handful; more is a client gone wrong or abuse. */
const MAX_BATCH_SIZE = 20;

export type TrpcHttpOptions = {
  handle: DbHandle;
  auth: Auth;
  trustedOrigins: readonly string[];
  trustedProxies: readonly string[];
};

/**
 * Answers one tRPC HTTP request. Every answer is `Cache-Control: no-store`: procedures return
 * customer data for the signed-in user, which no browser or proxy cache may keep or hand to another.
 */
export function handleTrpcRequest(req: Request, options: TrpcHttpOptions): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createTrpcContext({ ...options, headers: req.headers, source: "http" }),
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"} failed: ${describeErrorForLog(error.cause ?? error)}`);
    },
  });
}
