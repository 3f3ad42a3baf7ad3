/**
 * True when a browser request comes from our own site: its Origin is trusted or matches the Host
 * it was sent to; without an Origin, the browser's Sec-Fetch-Site must say same-origin. Requests
 * carrying neither header are refused: every browser that sends cookies sends one of them.
 */
export function isSameOriginRequest(headers: Headers, trustedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin) {
    if (origin === "null") return false;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (trustedOrigins.includes(parsed.origin)) return true;
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    return host !== null && parsed.host === host;
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
