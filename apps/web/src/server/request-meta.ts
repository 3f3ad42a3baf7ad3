import proxyaddr from "proxy-addr";

/** Where a request came from, for the audit log and the sign-in rate limit. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Set by `server.mjs` on every request to the address of the socket's other end, replacing whatever
 * a client sent under that name: the one address a client cannot choose.
 */
export const PEER_ADDRESS_HEADER = "x-creditseg-peer-address";

/** Set by the auth route to the resolved client address; better-auth's rate limiter keys on it. */
export const CLIENT_ADDRESS_HEADER = "x-creditseg-client-address";

/** Longest user agent kept: enough to identify a browser, bounded so a client cannot bloat the audit log. */
const MAX_USER_AGENT_LENGTH = 300;

/** Checks a trusted-proxy list (addresses or CIDRs, e.g. 10.0.0.0/8); throws a TypeError naming a bad entry. */
export function compileTrustedProxies(trustedProxies: readonly string[]): (address: string, hop: number) => boolean {
  return proxyaddr.compile([...trustedProxies]);
}

/**
 * The client's address: the socket's peer, or, while that peer is a trusted proxy, the next address
 * to the left in X-Forwarded-For (proxy-addr's walk). With no trusted proxies X-Forwarded-For is
 * ignored, so a client cannot pick the address its rate limit and audit rows are keyed on.
 * Null when the peer is unknown (a server started without `server.mjs`).
 */
export function resolveClientAddress(headers: Headers, trustedProxies: readonly string[]): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return null;
  const forwardedFor = headers.get("x-forwarded-for");
  const request = {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    socket: { remoteAddress: peer },
  };
  const address = proxyaddr(
    request as unknown as Parameters<typeof proxyaddr>[0],
    compileTrustedProxies(trustedProxies),
  );
  return address ? address.slice(0, 64) : null;
}

/** The client address (see resolveClientAddress) and a bounded user agent. */
export function readRequestMeta(headers: Headers, trustedProxies: readonly string[]): RequestMeta {
  const userAgent = headers.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
  return { ip: resolveClientAddress(headers, trustedProxies), userAgent };
}

/**
 * A copy of the request whose CLIENT_ADDRESS_HEADER holds the resolved address (or is absent),
 * whatever the client sent under that name.
 */
export function withClientAddress(request: Request, trustedProxies: readonly string[]): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = resolveClientAddress(request.headers, trustedProxies);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request, { headers });
}
