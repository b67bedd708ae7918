import { messageKey } from "@/lib/i18n/message-key";
import ipaddr from "ipaddr.js";

/**
 * Which network addresses and URLs the app may reach. Free of Node imports: the browser uses
 * it for its pre-checks and the server for the real ones (lib/net/guarded-fetch.ts).
 *
 * - `public`: a global unicast address, always allowed.
 * - `private`: loopback, RFC 1918, unique-local (fc00::/7), CGNAT (100.64/10), and those
 *   hidden in IPv4-mapped, NAT64 or 6to4 forms. Allowed only when the operator allows
 *   private targets (the bundled simulator runs on loopback).
 * - `never`: link-local (169.254/16 with the cloud metadata service, fe80::/10),
 *   unspecified (0.0.0.0, ::), multicast, broadcast, documentation, benchmarking, Teredo and
 *   other reserved ranges. Never a target, whatever the settings say.
 */
export type AddressClass = "public" | "private" | "never";

export type AddressVerdict = { class: AddressClass; range: string };

const PRIVATE_V4 = new Set(["loopback", "private", "carrierGradeNat"]);
const PRIVATE_V6 = new Set(["loopback", "uniqueLocal"]);
/** Forms that carry an IPv4 address in their last 32 bits. */
const EMBEDS_V4_LOW = new Set(["ipv4Mapped", "rfc6145", "rfc6052"]);
/** 64:ff9b:1::/48, local-use NAT64 (RFC 8215): a translator inside someone's network. */
const LOCAL_NAT64 = ipaddr.IPv6.parse("64:ff9b:1::");
/** 2000::/3, the only IPv6 block handed out for global unicast. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse("2000::");

function classifyV4(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  if (range === "unicast") return { class: "public", range };
  if (PRIVATE_V4.has(range)) return { class: "private", range };
  return { class: "never", range };
}

function classifyV6(address: ipaddr.IPv6): AddressVerdict {
  const range = address.range();
  const bytes = address.toByteArray();
  if (EMBEDS_V4_LOW.has(range)) {
    const inner = classifyV4(new ipaddr.IPv4(bytes.slice(12, 16)));
    return { class: inner.class, range: `${range}(${inner.range})` };
  }
  if (range === "6to4") {
    const inner = classifyV4(new ipaddr.IPv4(bytes.slice(2, 6)));
    return { class: inner.class, range: `6to4(${inner.range})` };
  }
  if (address.match(LOCAL_NAT64, 48)) return { class: "private", range: "localNat64" };
  if (PRIVATE_V6.has(range)) return { class: "private", range };
  if (range === "unicast" && address.match(GLOBAL_UNICAST_V6, 3)) return { class: "public", range };
  return { class: "never", range };
}

/**
 * The class of one IP address (IPv4, IPv6, with or without brackets or a zone). Text that is
 * not an address is `never`. Only the standard four-part dotted form counts as IPv4 here;
 * URL parsing turns `0x7f.1` or `2130706433` into it before this is asked.
 */
export function classifyAddress(text: string): AddressVerdict {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return classifyV4(ipaddr.IPv4.parse(bare));
  if (ipaddr.IPv6.isValid(bare)) return classifyV6(ipaddr.IPv6.parse(bare));
  return { class: "never", range: "invalid" };
}

/** Whether the host part of a URL (as `new URL` gives it) is an IP literal. */
export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare);
}

/** Names that mean this machine or a local network, whatever DNS would say. */
export function isLocalName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".local") ||
    host.endsWith(".internal") ||
    host.endsWith(".home.arpa") ||
    !host.includes(".")
  );
}

/** `message` in English (logs, API clients); `key` and `values` the same sentence in the catalogue. */
export type Worded = { message: string; key: string; values?: Record<string, string> };

export type UrlProblem =
  | ({ code: "INVALID_URL" } & Worded)
  | ({ code: "SCHEME_NOT_ALLOWED" } & Worded)
  | ({ code: "CREDENTIALS_IN_URL" } & Worded)
  | ({ code: "PRIVATE_ADDRESS"; addressClass: AddressClass } & Worded);

/**
 * What is wrong with a URL's shape, before any name is resolved: not http(s), user name or
 * password in it, or a host that is an address (or a local name) of the given classes.
 * `null` when it may be tried.
 */
export function urlShapeProblem(raw: string, options: { refuse: readonly AddressClass[] } = { refuse: ["private", "never"] }): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { code: "INVALID_URL", message: "This is not a complete URL (it should start with https://).", key: messageKey("outbound.notCompleteUrl") };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.replace(/:$/, "");
    return { code: "SCHEME_NOT_ALLOWED", message: `Only http(s) URLs are accepted, not ${scheme}: links.`, key: messageKey("outbound.schemeNotAllowed"), values: { scheme } };
  }
  if (url.username || url.password) {
    return {
      code: "CREDENTIALS_IN_URL",
      message: "Remove the user name and password from the URL; they would be sent to whoever serves it.",
      key: messageKey("outbound.credentialsInUrl"),
    };
  }
  const host = url.hostname;
  if (!host) return { code: "INVALID_URL", message: "The URL has no host name.", key: messageKey("outbound.noHost") };
  if (isIpLiteral(host)) {
    const verdict = classifyAddress(host);
    if (options.refuse.includes(verdict.class)) {
      return { code: "PRIVATE_ADDRESS", message: privateAddressMessage(host), ...privateAddressSentence(host), addressClass: verdict.class };
    }
  } else if (isLocalName(host) && options.refuse.includes("private")) {
    return { code: "PRIVATE_ADDRESS", message: privateAddressMessage(host), ...privateAddressSentence(host), addressClass: "private" };
  }
  return null;
}

/** `privateAddressMessage` as a catalogue sentence. */
export function privateAddressSentence(host: string): { key: string; values: Record<string, string> } {
  return { key: messageKey("outbound.privateAddress"), values: { host } };
}

export function privateAddressMessage(host: string): string {
  return `${host} is a private, loopback or link-local address: only public internet addresses can be reached.`;
}

/** Why a URL asset at a private host is refused, for users: the English sentence and its catalogue key. */
export function assetUrlPrivateProblem(host: string): Worded {
  return {
    message: `${host} is a private, loopback or link-local address: the provider downloads URL assets from the internet and could never fetch it. Use a public URL.`,
    key: messageKey("outbound.assetPrivateAddress"),
    values: { host },
  };
}

/**
 * The browser's (and the schema's) pre-check of a URL asset: http(s), no credentials, and,
 * unless the provider is itself on a private address, no private or loopback host written as
 * an address or a local name. The server checks again, resolving names (lib/net/asset-url-check.ts).
 */
export function assetUrlShapeProblem(raw: string, options: { providerIsPrivate: boolean }): Worded | null {
  const problem = urlShapeProblem(raw, { refuse: options.providerIsPrivate ? ["never"] : ["private", "never"] });
  if (!problem) return null;
  if (problem.code === "PRIVATE_ADDRESS") return assetUrlPrivateProblem(new URL(raw.trim()).hostname);
  return { message: problem.message, key: problem.key, values: problem.values };
}
