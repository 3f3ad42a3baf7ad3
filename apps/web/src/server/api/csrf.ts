/**
 * True when a browser request comes from our own site: its Origin (scheme, host and port) is one of
 * the configured origins (APP_URL and TRUSTED_ORIGINS). Host and X-Forwarded-Host are never
 * consulted: a client or a misconfigured proxy chooses them. Without an Origin, the browser's
 * Sec-Fetch-Site must say same-origin. Requests carrying neither header are refused: every browser
 * that sends cookies sends one of them.
 */
export function isSameOriginRequest(headers: Headers, trustedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin) {
    if (origin === "null") return false;
    try {
      return trustedOrigins.includes(new URL(origin).origin);
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
