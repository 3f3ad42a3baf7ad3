import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { trustedOrigins, trustedProxies } from "~/env";
import { appRouter } from "~/server/api/root";
import { createTrpcContext } from "~/server/api/trpc";
import { getAppServer } from "~/server/app-server";
import { limitRequestSize } from "~/server/http/limit-request";
import { describeErrorForLog } from "~/server/http/log-error";

/** Calls one batch may hold: a page needs a handful; more is a client gone wrong or abuse. */
const MAX_BATCH_SIZE = 20;

async function handler(incoming: Request): Promise<Response> {
  const req = await limitRequestSize(incoming);
  if (req instanceof Response) return req;
  const { handle, auth } = await getAppServer();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () =>
      createTrpcContext({ handle, auth, headers: req.headers, source: "http", trustedOrigins, trustedProxies }),
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"} failed: ${describeErrorForLog(error.cause ?? error)}`);
    },
  });
}

export { handler as GET, handler as POST };
