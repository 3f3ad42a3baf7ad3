import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  compileTrustedProxies,
  PEER_ADDRESS_HEADER,
  readRequestMeta,
  resolveClientAddress,
  withClientAddress,
} from "./request-meta";

const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}),
    ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
  });

describe("resolveClientAddress", () => {
  it.each([
    ["no trusted proxy: the peer, whatever X-Forwarded-For says", "198.51.100.9", "192.0.2.1", [], "198.51.100.9"],
    ["a trusted proxy: the address it appended", "10.0.0.5", "192.0.2.1, 198.51.100.9", ["10.0.0.0/8"], "198.51.100.9"],
    ["two trusted hops are skipped", "10.0.0.5", "198.51.100.9, 10.0.0.7", ["10.0.0.0/8"], "198.51.100.9"],
    [
      "an untrusted peer is the client even with X-Forwarded-For",
      "198.51.100.9",
      "192.0.2.1",
      ["10.0.0.0/8"],
      "198.51.100.9",
    ],
    ["a trusted proxy without X-Forwarded-For is itself the client", "10.0.0.5", undefined, ["10.0.0.0/8"], "10.0.0.5"],
    [
      "an IPv4-mapped IPv6 peer matches an IPv4 range",
      "::ffff:10.0.0.5",
      "198.51.100.9",
      ["10.0.0.0/8"],
      "198.51.100.9",
    ],
    ["IPv6 proxies", "fd00::1", "2001:db8::7", ["fd00::/8"], "2001:db8::7"],
  ] as const)("%s", (_, peer, forwardedFor, trusted, expected) => {
    expect(resolveClientAddress(request(peer, forwardedFor), trusted)).toBe(expected);
  });

  it("knows no address when the server did not record the peer", () => {
    expect(resolveClientAddress(request(null, "192.0.2.1"), ["10.0.0.0/8"])).toBeNull();
  });

  it("refuses a trusted-proxy entry that is not an address or CIDR", () => {
    expect(() => compileTrustedProxies(["10.0.0.0/8", "proxy.bank.internal"])).toThrow(TypeError);
    expect(() => compileTrustedProxies(["10.0.0.0/33"])).toThrow(TypeError);
  });
});

describe("readRequestMeta and withClientAddress", () => {
  it("bounds the user agent and resolves the same address the rate limiter is given", () => {
    const headers = request("198.51.100.9", "192.0.2.1");
    headers.set("user-agent", "x".repeat(1_000));
    headers.set(CLIENT_ADDRESS_HEADER, "192.0.2.66");
    const meta = readRequestMeta(headers, []);
    expect(meta).toEqual({ ip: "198.51.100.9", userAgent: "x".repeat(300) });
    const forwarded = withClientAddress(new Request("http://localhost/api/auth/ok", { headers }), []);
    expect(forwarded.headers.get(CLIENT_ADDRESS_HEADER)).toBe(meta.ip);
    const unknownPeer = withClientAddress(
      new Request("http://localhost/api/auth/ok", { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.66" } }),
      [],
    );
    expect(unknownPeer.headers.get(CLIENT_ADDRESS_HEADER)).toBeNull();
  });
});
