/** Largest tRPC request body accepted, bytes: ample for any form; uploads go through their own route. */
export const MAX_TRPC_BODY_BYTES = 256 * 1024;
/** Longest URL accepted (GET queries carry their input in it). */
export const MAX_URL_LENGTH = 16 * 1024;

/**
 * The request, with its body read into memory if it is within `maxBytes`; a Response (413 or 414)
 * when it is too large. A missing Content-Length does not bypass the limit: the body is counted as read.
 */
export async function limitRequestSize(
  req: Request,
  maxBytes: number = MAX_TRPC_BODY_BYTES,
): Promise<Request | Response> {
  if (req.url.length > MAX_URL_LENGTH) return tooLarge(414, "The request address is too long.");
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(413, "The request is too large.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(413, "The request is too large.");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}

function tooLarge(status: 413 | 414, message: string): Response {
  return Response.json({ error: { message, code: status === 413 ? "PAYLOAD_TOO_LARGE" : "URI_TOO_LONG" } }, { status });
}
