import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUpstreamClient } from "@/lib/upstream/client";
import { PhaseTimeoutError, createTimedFetch, isPhaseTimeout } from "@/lib/upstream/timed-fetch";

/** A server whose answers stall at chosen points. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/ok") {
        res.writeHead(200, { "content-type": "application/json", "x-echo": req.headers["x-echo"] ?? "" });
        res.end(JSON.stringify({ code: 200, data: { got: body } }));
      } else if (req.url === "/silent") {
        // Never answers.
      } else if (req.url === "/trickle" || req.url?.startsWith("/v1/tasks/stall")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"code":200,');
        // ... and never the rest.
      } else if (req.url === "/slow-but-steady") {
        res.writeHead(200, { "content-type": "application/json" });
        const parts = ['{"code":200,', '"data":', '{"id":"task_1"}', "}"];
        let i = 0;
        const timer = setInterval(() => {
          res.write(parts[i++]);
          if (i === parts.length) {
            clearInterval(timer);
            res.end();
          }
        }, 120);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const timed = createTimedFetch({ connectMs: 1_000, firstByteMs: 300, betweenBytesMs: 300 });

describe("the provider transport's phase timeouts", () => {
  it("passes method, headers and body, and reads the answer", async () => {
    const res = await timed(`${base}/ok`, { method: "POST", headers: { "x-echo": "hi" }, body: "payload" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-echo")).toBe("hi");
    expect(await res.json()).toEqual({ code: 200, data: { got: "payload" } });
  });

  it("gives up when no first byte comes", async () => {
    const started = Date.now();
    const error = await timed(`${base}/silent`, { method: "GET" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhaseTimeoutError);
    expect((error as PhaseTimeoutError).phase).toBe("first-byte");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives up when the body stops half way, though the status came at once", async () => {
    const res = await timed(`${base}/trickle`, { method: "GET" });
    expect(res.status).toBe(200);
    const error = await res.text().catch((e: unknown) => e);
    expect(isPhaseTimeout(error)).toBe(true);
  });

  it("lets a slow body through while its bytes keep coming", async () => {
    const res = await timed(`${base}/slow-but-steady`, { method: "GET" });
    expect(await res.json()).toEqual({ code: 200, data: { id: "task_1" } });
  });

  it("ends at once on the caller's signal, with the caller's reason", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 50);
    const error = await timed(`${base}/silent`, { method: "GET", signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("stop");
  });

  it("is the client's transport: a stalled body is a timeout the client reports as such", async () => {
    const client = createUpstreamClient({
      baseUrl: base,
      apiKey: "k",
      timeoutMs: 5_000,
      betweenBytesTimeoutMs: 200,
      maxRetries: 0,
      concurrency: 2,
    });
    const started = Date.now();
    const error = await client.getTask("stall").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UPSTREAM_UNREACHABLE", detail: { timedOut: true } });
    // Cut off by the silence (200 ms), long before the attempt's overall 5 s.
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 10_000);
});
