import { trustedOrigins, trustedProxies } from "~/env";
import { handleTrpcRequest } from "~/server/api/trpc-http";
import { getAppServer } from "~/server/app-server";
import { limitRequestSize } from "~/server/http/limit-request";

async function handler(incoming: Request): Promise<Response> {
  const req = await limitRequestSize(incoming);
  if (req instanceof Response) return req;
  const { handle, auth } = await getAppServer();
  return handleTrpcRequest(req, { handle, auth, trustedOrigins, trustedProxies });
}

export { handler as GET, handler as POST };
