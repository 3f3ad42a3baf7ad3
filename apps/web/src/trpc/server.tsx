import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { trustedOrigins, trustedProxies } from "~/env";
import { appRouter, createCaller } from "~/server/api/root";
import { createTrpcContext } from "~/server/api/trpc";
import { getAppServer } from "~/server/app-server";
import { makeQueryClient } from "./query-client";

/** The request's tRPC context, with its cookies: the same procedures and checks as over HTTP. One per request. */
const getServerContext = cache(async () => {
  const { handle, auth } = await getAppServer();
  const requestHeaders = new Headers(await headers());
  return createTrpcContext({
    handle,
    auth,
    headers: requestHeaders,
    source: "server",
    trustedOrigins,
    trustedProxies,
  });
});

/** A tRPC caller for React server components, without the round trip. One per request. */
export const getServerCaller = cache(async () => createCaller(await getServerContext()));

/** The request's query cache: what a page prefetches here is what its client components read first. */
export const getServerQueryClient = cache(makeQueryClient);

/**
 * Query options for server components, with the same keys as the browser's `useTRPC()`, so a prefetched query
 * is already in the cache when the client component asks for it (first paint shows data, no loading state).
 */
export const serverTrpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: getServerContext,
  queryClient: getServerQueryClient,
});

/** Hands the request's prefetched queries to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getServerQueryClient())}>{children}</HydrationBoundary>;
}
