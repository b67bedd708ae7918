import { lookup } from "node:dns/promises";
import { assetUrlPrivateProblem, assetUrlShapeProblem, classifyAddress, isIpLiteral, isLocalName, type Worded } from "@/lib/net/address-rules";

/** A name that takes longer than this to resolve is left to the provider. */
const RESOLVE_TIMEOUT_MS = 2_000;

type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup(host, { all: true, verbatim: true }).then((found) => found.map((a) => a.address)), timeout]);
  } catch {
    // Unknown here does not mean unknown to the provider: it will say so itself.
    return [];
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Whether the provider at `baseUrl` is on a private or loopback address (the bundled
 * simulator is): then it can fetch private URL assets, and they are let through.
 */
export async function providerOnPrivateAddress(baseUrl: string, resolve: Resolve = systemResolve): Promise<boolean> {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  if (isIpLiteral(host)) return classifyAddress(host).class !== "public";
  if (isLocalName(host)) return true;
  const addresses = await resolve(host);
  return addresses.some((a) => classifyAddress(a).class !== "public");
}

/**
 * What is wrong with each URL asset, by URL: not http(s) (`file:`, `data:`...), a user name or
 * password in it, or a host that is (or resolves to) a private, loopback or link-local
 * address, which the provider could never fetch, unless the provider is itself on a private
 * address. Link-local and unspecified addresses are refused even then.
 */
export async function assetUrlProblems(
  urls: readonly string[],
  options: { providerIsPrivate: boolean; resolve?: Resolve },
): Promise<Map<string, Worded>> {
  const resolve = options.resolve ?? systemResolve;
  const problems = new Map<string, Worded>();
  const byHost = new Map<string, Promise<string[]>>();
  await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const shape = assetUrlShapeProblem(url, options);
      if (shape) return void problems.set(url, shape);
      const host = new URL(url.trim()).hostname.replace(/^\[|\]$/g, "");
      if (isIpLiteral(host)) return;
      if (!byHost.has(host)) byHost.set(host, resolve(host));
      const addresses = await byHost.get(host)!;
      const refused = addresses.find((a) => {
        const c = classifyAddress(a).class;
        return c === "never" || (c === "private" && !options.providerIsPrivate);
      });
      if (refused) problems.set(url, assetUrlPrivateProblem(`${host} (${refused})`));
    }),
  );
  return problems;
}
