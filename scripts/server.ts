// `npm start` (and the dev launcher): the app's HTTP server. A thin Node server in front of
// Next.js's own request handler, for one reason: App Router code cannot see the TCP peer's
// address, and `next start` puts it into X-Forwarded-For only when the client sent none
// (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??=
// socket.remoteAddress`), so a client could choose the address the sign-in throttle keys on.
// Here every request gets the peer chain (the X-Forwarded-For received, then the socket's
// address) in a header of ours, overwriting whatever a client sent under that name; the
// throttle reads it through lib/auth/client-address.ts, with TRUST_PROXY.
//
// It also admits polled reads (GET /api/…, lib/http/read-admission.ts) a few at a time
// (POLLED_READ_CONCURRENCY), and one at a time while an upload, a page or an action is in
// progress, so that 50 open tabs polling cannot starve those of the event loop: the reads
// beyond the limit wait their turn, costing nothing.
//
//   tsx scripts/server.ts [--dev] [--port N]      (PORT is read too; default 3000)
import { createServer } from "node:http";
import path from "node:path";
import { PEER_CHAIN_HEADER, markPeerChainStamped, peerChain } from "../lib/auth/client-address";
import { createPolledReadGate, isPolledRead, polledReadConcurrency } from "../lib/http/read-admission";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
// As `next start` and `next dev` do. Set before Next.js is loaded.
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

markPeerChainStamped();
const { default: next } = await import("next");
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
const polledReads = createPolledReadGate(polledReadConcurrency(process.env.POLLED_READ_CONCURRENCY));

const server = createServer((req, res) => {
  req.headers[PEER_CHAIN_HEADER] = peerChain(req.headers["x-forwarded-for"], req.socket.remoteAddress);
  if (!isPolledRead(req.method, req.url)) {
    // Uploads, pages and actions: while one is in progress, polled reads go one at a time.
    res.once("close", polledReads.otherBegan());
    return void handle(req, res);
  }
  const place = polledReads.acquire();
  // Answered, or the client went away (waiting or not): the place goes to the next read.
  res.once("close", place.abandon);
  void place.admitted.then(() => handle(req, res));
});
server.listen(port, () => console.log(`ready on http://localhost:${port}${dev ? " (development)" : ""}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
