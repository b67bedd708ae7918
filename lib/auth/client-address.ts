import { isIP } from "node:net";

/**
 * Which client a request comes from, for throttling. It must be something the client cannot
 * forge: the TCP peer's address, or, behind proxies the operator trusts (`TRUST_PROXY` = how
 * many), the entry those proxies appended to X-Forwarded-For, counted from the right.
 *
 * Next.js does not hand the peer's address to App Router code: `next start` copies it into
 * X-Forwarded-For only when the client sent none (node_modules/next/dist/server/base-server.js,
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so any client can put its own
 * value there. The app is therefore served by `scripts/server.ts`, a thin Node server in
 * front of Next's request handler that writes the peer chain (the X-Forwarded-For it
 * received, then the socket's address) into PEER_CHAIN_HEADER on every request, replacing
 * anything a client sent under that name, and marks the process so the app knows the
 * header is trustworthy.
 */
export const PEER_CHAIN_HEADER = "x-avatar-studio-peer-chain";

const STAMPED = Symbol.for("avatar-studio.peer-chain-stamped");

/** Called by scripts/server.ts before Next starts: PEER_CHAIN_HEADER is set by us on every request. */
export function markPeerChainStamped(): void {
  (globalThis as Record<symbol, unknown>)[STAMPED] = true;
}

export function peerChainStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPED] === true;
}

/** The chain scripts/server.ts writes: every X-Forwarded-For entry received, then the socket's address. */
export function peerChain(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string {
  const received = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  return [...splitChain(received), socketAddress || "unknown"].join(", ");
}

function splitChain(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The client's address: from the stamped peer chain when the app runs behind
 * scripts/server.ts, else (plain `next start`/`next dev`) from X-Forwarded-For as Next
 * passes it on, which a client can forge; `stamped` tells which. Counting from the right,
 * `trustProxy` entries are skipped (the trusted proxies' own), and the next one is the
 * client's. IPv6 addresses are keyed by their /64, which one client usually owns whole.
 */
export function clientAddress(headers: Headers, trustProxy: number): { address: string; stamped: boolean } {
  const stamped = peerChainStamped();
  const chain = splitChain(stamped ? (headers.get(PEER_CHAIN_HEADER) ?? "") : (headers.get("x-forwarded-for") ?? ""));
  if (chain.length === 0) return { address: "unknown", stamped };
  const index = Math.max(0, chain.length - 1 - Math.max(0, trustProxy));
  return { address: normalizeAddress(chain[index]!), stamped };
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; ports and brackets dropped; IPv6 to its /64; junk kept short. */
export function normalizeAddress(entry: string): string {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, ""); // zone id
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind === 6) return `${expandIpv6(value).slice(0, 4).join(":")}::/64`;
  return `invalid:${value.slice(0, 64)}`;
}

function expandIpv6(value: string): string[] {
  let text = value.toLowerCase();
  // An embedded IPv4 tail becomes two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail ? tail.split(":") : [];
  const fill = tail !== undefined ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...fill, ...right].map((g) => g.padStart(4, "0"));
}
