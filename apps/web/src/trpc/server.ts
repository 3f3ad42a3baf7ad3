import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { trustedOrigins, trustedProxies } from "~/env";
import { createCaller } from "~/server/api/root";
import { createTrpcContext } from "~/server/api/trpc";
import { getAppServer } from "~/server/app-server";

/**
 * A tRPC caller for React server components, with the request's cookies: the same procedures and
 * checks as over HTTP, without the round trip. One per request.
 */
export const getServerCaller = cache(async () => {
  const { handle, auth } = await getAppServer();
  const requestHeaders = new Headers(await headers());
  return createCaller(
    await createTrpcContext({
      handle,
      auth,
      headers: requestHeaders,
      source: "server",
      trustedOrigins,
      trustedProxies,
    }),
  );
});
