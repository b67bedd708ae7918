import { afterEach, describe, expect, it } from "vitest";
import { PEER_CHAIN_HEADER, clientAddress, markPeerChainStamped, normalizeAddress, peerChain } from "@/lib/auth/client-address";

const STAMPED = Symbol.for("avatar-studio.peer-chain-stamped");

describe("clientAddress", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[STAMPED];
  });

  it("behind scripts/server.ts, with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    markPeerChainStamped();
    for (const forged of ["1.2.3.4", "203.0.113.9, 198.51.100.1", undefined]) {
      const headers = new Headers({ [PEER_CHAIN_HEADER]: peerChain(forged, "::ffff:192.0.2.10") });
      if (forged) headers.set("x-forwarded-for", forged);
      expect(clientAddress(headers, 0)).toEqual({ address: "192.0.2.10", stamped: true });
    }
  });

  it("with TRUST_PROXY=1 takes the entry the proxy appended, not what the client wrote before it", () => {
    markPeerChainStamped();
    // Client forged "6.6.6.6"; the proxy appended the client's real address; the socket is the proxy.
    const headers = new Headers({ [PEER_CHAIN_HEADER]: peerChain("6.6.6.6, 198.51.100.23", "10.0.0.5") });
    expect(clientAddress(headers, 1).address).toBe("198.51.100.23");
    expect(clientAddress(headers, 2).address).toBe("6.6.6.6");
    // More proxies trusted than entries: the leftmost (never beyond the chain).
    expect(clientAddress(headers, 9).address).toBe("6.6.6.6");
  });

  it("ignores a client's own peer-chain header when the server did not stamp it (plain next start)", () => {
    const headers = new Headers({ [PEER_CHAIN_HEADER]: "9.9.9.9", "x-forwarded-for": "192.0.2.1" });
    expect(clientAddress(headers, 0)).toEqual({ address: "192.0.2.1", stamped: false });
  });

  it("is 'unknown' with nothing to go on", () => {
    expect(clientAddress(new Headers(), 0).address).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["192.0.2.1:5555", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["[2001:db8::1]:443", "2001:0db8:0000:0000::/64"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:0db8:0001:0002::/64"],
    ["2001:db8:1:2::ffff", "2001:0db8:0001:0002::/64"],
    ["fe80::1%eth0", "fe80:0000:0000:0000::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    ["not-an-ip", "invalid:not-an-ip"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });
});
