import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download } from "./download";

let server: Server;
let base: string;
let resets = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/reset-once" && resets === 0) {
      resets += 1;
      req.socket.destroy();
      return;
    }
    if (req.url === "/always-reset") {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from("file bytes"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the provider's media download", () => {
  it("fetches once more when the connection is reset before any answer", async () => {
    const result = await download(`${base}/reset-once`, { timeoutMs: 2_000, maxBytes: 1_000 });
    expect(result).toMatchObject({ ok: true, bytes: Buffer.from("file bytes") });
    expect(resets).toBe(1);
  });

  it("still fails a file whose server keeps resetting", async () => {
    const result = await download(`${base}/always-reset`, { timeoutMs: 2_000, maxBytes: 1_000 });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/could not be fetched/) });
  });

  it("does not retry what is not a reset: an unreachable port fails at once", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const started = Date.now();
    const result = await download(`http://127.0.0.1:${port}/x.png`, { timeoutMs: 2_000, maxBytes: 1_000 });
    expect(Date.now() - started).toBeLessThan(200);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("ECONNREFUSED") });
  });
});
