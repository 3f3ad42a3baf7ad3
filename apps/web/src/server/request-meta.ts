/** Where a request came from, for the audit log. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Longest user agent kept: enough to identify a browser, bounded so a client cannot bloat the audit log. */
const MAX_USER_AGENT_LENGTH = 300;

/**
 * The client address: the first hop of X-Forwarded-For (set by the reverse proxy in front of
 * `next start`), else X-Real-IP; null when neither is present.
 */
export function readRequestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  const userAgent = headers.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
  return { ip: ip ? ip.slice(0, 64) : null, userAgent };
}
