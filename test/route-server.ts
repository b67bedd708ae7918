import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; load: () => Promise<Record<string, unknown>> };

/**
 * A real HTTP server in front of route handlers, for tests that speak HTTP to the app's routes
 * without a Next.js build: `files` maps `/app/.../route.ts` to its loader (`import.meta.glob`).
 * Requests and answers cross a socket as they would in production; Next.js itself is not involved.
 */
export async function startRouteServer(files: Record<string, () => Promise<Record<string, unknown>>>): Promise<{ url: string; close: () => Promise<void> }> {
  const routes: Route[] = Object.entries(files).map(([file, load]) => {
    const segments = file
      .replace(/^\/app/, "")
      .replace(/\/route\.ts$/, "")
      .split("/")
      .filter((s) => s && !/^\(.*\)$/.test(s));
    const names: string[] = [];
    const pattern = segments
      .map((s) => {
        const dynamic = /^\[(.+)\]$/.exec(s);
        if (!dynamic) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(dynamic[1]!);
        return "([^/]+)";
      })
      .join("/");
    return { pattern: new RegExp(`^/${pattern}/?$`), names, load };
  });
  // Static segments win over dynamic ones (`/assets/failed` before `/assets/[assetId]`).
  routes.sort((a, b) => a.names.length - b.names.length);

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
      const route = routes.find((r) => r.pattern.test(url.pathname));
      if (!route) return void res.writeHead(404).end();
      const match = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      const handler = (await route.load())[req.method ?? "GET"] as Handler | undefined;
      if (!handler) return void res.writeHead(405).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
        duplex: "half",
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve(params) });
      // One request per connection: a body the handler left unread (a refusal before an upload) cannot hold up the next one.
      const out: Record<string, string> = { connection: "close" };
      response.headers.forEach((value, key) => (out[key] = value));
      res.writeHead(response.status, out);
      if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    } catch (error) {
      res.writeHead(599).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
