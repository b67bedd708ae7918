import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch, type OutboundPolicy, type Resolver } from "@/lib/net/guarded-fetch";
import { findOutboundError } from "@/lib/net/outbound-error";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; port: number; origin: string; hits: IncomingMessage[] }> {
  const hits: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    hits.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, origin: `http://127.0.0.1:${port}`, hits };
}

const servers: Server[] = [];
let target: Awaited<ReturnType<typeof listen>>;
let redirector: Awaited<ReturnType<typeof listen>>;
let slow: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  target = await listen((req, res) => {
    if (req.url === "/big") {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024, 1);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return;
    }
    if (req.url === "/big-announced") {
      res.writeHead(200, { "Content-Length": String(50 * 1024 * 1024) });
      res.write("x");
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization ?? null }));
  });
  redirector = await listen((req, res) => {
    const to = new URL(req.url ?? "/", "http://x").searchParams.get("to") ?? "/";
    res.writeHead(302, { Location: to });
    res.end();
  });
  slow = await listen((req, res) => {
    if (req.url === "/stall-after-head") {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("first bytes");
      return; // never ends
    }
    // /never-answers: no head at all
  });
  servers.push(target.server, redirector.server, slow.server);
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const refusePrivate: OutboundPolicy = { allowPrivate: false, allowedHosts: [] };
const allow = (...hosts: string[]): OutboundPolicy => ({ allowPrivate: false, allowedHosts: hosts });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return findOutboundError(error) ?? error;
  }
  throw new Error("expected a failure");
}

describe("guarded fetch against real local servers", () => {
  it("refuses a loopback target unless the policy allows it, and sends nothing", async () => {
    const before = target.hits.length;
    const error = await failure(createGuardedFetch({ policy: refusePrivate })(`${target.origin}/x`));
    expect(error).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(target.hits.length).toBe(before);

    const ok = await createGuardedFetch({ policy: allow(`127.0.0.1:${target.port}`) })(`${target.origin}/x`);
    expect(await ok.json()).toMatchObject({ path: "/x" });
    const all = await createGuardedFetch({ policy: { allowPrivate: true, allowedHosts: [] } })(`${target.origin}/y`);
    expect(all.status).toBe(200);
  });

  it("refuses a redirect to 127.0.0.1 and to 169.254.169.254, and never reaches the target", async () => {
    const policy = allow(`127.0.0.1:${redirector.port}`);
    const before = target.hits.length;
    const toLoopback = await failure(
      createGuardedFetch({ policy, maxRedirects: 3 })(`${redirector.origin}/r?to=${encodeURIComponent(`${target.origin}/secret`)}`),
    );
    expect(toLoopback).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(target.hits.length).toBe(before);

    const toMetadata = await failure(
      createGuardedFetch({ policy: { allowPrivate: true, allowedHosts: [] }, maxRedirects: 3 })(
        `${redirector.origin}/r?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`,
      ),
    );
    expect(toMetadata).toMatchObject({ code: "PRIVATE_ADDRESS" });
  });

  it("does not follow redirects unless asked, and gives up after maxRedirects", async () => {
    const policy = allow(`127.0.0.1:${redirector.port}`, `127.0.0.1:${target.port}`);
    const manual = await createGuardedFetch({ policy })(`${redirector.origin}/r?to=${encodeURIComponent(`${target.origin}/x`)}`);
    expect(manual.status).toBe(302);

    const followed = await createGuardedFetch({ policy, maxRedirects: 2 })(`${redirector.origin}/r?to=${encodeURIComponent(`${target.origin}/x`)}`);
    expect(await followed.json()).toMatchObject({ path: "/x" });

    const loop = `${redirector.origin}/r?to=${encodeURIComponent(`${redirector.origin}/r?to=/again`)}`;
    expect(await failure(createGuardedFetch({ policy, maxRedirects: 2 })(loop))).toMatchObject({ code: "TOO_MANY_REDIRECTS" });
  });

  it("drops the Authorization header when a redirect leaves the origin", async () => {
    const policy = allow(`127.0.0.1:${redirector.port}`, `127.0.0.1:${target.port}`);
    const response = await createGuardedFetch({ policy, maxRedirects: 1 })(`${redirector.origin}/r?to=${encodeURIComponent(`${target.origin}/x`)}`, {
      headers: { Authorization: "Bearer sk-secret" },
    });
    expect(await response.json()).toMatchObject({ path: "/x", authorization: null });
  });

  it("checks every address a name resolves to, and connects to the checked one", async () => {
    const mixed: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    expect(await failure(createGuardedFetch({ policy: refusePrivate, resolve: mixed })("http://mixed.example/x"))).toMatchObject({ code: "PRIVATE_ADDRESS" });

    // A name no DNS knows reaches the local server only through the pinned address.
    let calls = 0;
    const rebinding: Resolver = async () => {
      calls++;
      return calls === 1 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "169.254.169.254", family: 4 }];
    };
    const response = await createGuardedFetch({ policy: allow("pinned.example"), resolve: rebinding })(`http://pinned.example:${target.port}/pinned`);
    expect(await response.json()).toMatchObject({ path: "/pinned" });
    expect(calls).toBe(1);
  });

  it("refuses file:, data:, credentials and link-local literals before any connection", async () => {
    const guarded = createGuardedFetch({ policy: { allowPrivate: true, allowedHosts: [] } });
    for (const [url, code] of [
      ["file:///etc/passwd", "SCHEME_NOT_ALLOWED"],
      ["data:text/plain,hi", "SCHEME_NOT_ALLOWED"],
      [`http://user:pw@127.0.0.1:${target.port}/`, "CREDENTIALS_IN_URL"],
      ["http://169.254.169.254/", "PRIVATE_ADDRESS"],
      ["http://[fe80::1]/", "PRIVATE_ADDRESS"],
      ["http://0.0.0.0:80/", "PRIVATE_ADDRESS"],
      ["http://[::ffff:169.254.169.254]/", "PRIVATE_ADDRESS"],
    ] as const) {
      expect(await failure(guarded(url)), url).toMatchObject({ code });
    }
  });

  it("stops a body at the size limit, announced or not", async () => {
    const guarded = createGuardedFetch({ policy: allow(`127.0.0.1:${target.port}`), maxBytes: 1_000_000 });
    const response = await guarded(`${target.origin}/big`);
    expect(await failure(response.arrayBuffer())).toMatchObject({ code: "TOO_LARGE" });
    expect(await failure(guarded(`${target.origin}/big-announced`))).toMatchObject({ code: "TOO_LARGE" });
  });

  it("times out waiting for the first byte and between bytes", async () => {
    const guarded = createGuardedFetch({ policy: allow(`127.0.0.1:${slow.port}`), firstByteTimeoutMs: 300, idleTimeoutMs: 300 });
    const started = Date.now();
    expect(await failure(guarded(`${slow.origin}/never-answers`))).toMatchObject({ code: "FIRST_BYTE_TIMEOUT" });
    const stalled = await guarded(`${slow.origin}/stall-after-head`);
    expect(await failure(stalled.text())).toMatchObject({ code: "IDLE_TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("honours the caller's abort signal", async () => {
    const guarded = createGuardedFetch({ policy: allow(`127.0.0.1:${slow.port}`) });
    const error = await failure(guarded(`${slow.origin}/never-answers`, { signal: AbortSignal.timeout(200) }));
    expect((error as Error).name).toMatch(/TimeoutError|AbortError/);
  });
});
