import { getAppServer } from "~/server/app-server";
import { limitRequestSize } from "~/server/http/limit-request";

/** Sign-in, sign-out and session endpoints of better-auth (its own origin check guards the POSTs). */
async function handler(incoming: Request): Promise<Response> {
  const req = await limitRequestSize(incoming, 16 * 1024);
  if (req instanceof Response) return req;
  const { auth } = await getAppServer();
  return auth.handler(req);
}

export { handler as GET, handler as POST };
