// Upload speed: 100 × 2 MB PNGs through the upload route (`POST /api/uploads` of a production
// build under `npm start`, signed in, files on the app's disk) beside a raw loopback PUT of
// the same bytes to a bare node server that writes each body to a file on the same disk, in
// the same run: one at a time, then three at a time. Every upload has bytes of its own (no
// deduplication). Bounded, loopback only, stops by itself. Not a test.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/bench-upload.ts [--files 100] [--mb 2]
//
// Last line: `upload: N MB/s vs raw M MB/s, ratio R` (three at a time).
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { noisePng, pct, startBenchStack, taggedPng, uploadFile } from "./lib/bench-stack";
import { numberArg } from "./lib/number-arg";

const FILES = numberArg("files", 100);
const MB = numberArg("mb", 2);

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-bench-upload-"));
const rawDir = path.join(dir, "raw");
const stack = await startBenchStack(dir);
// After the stack has laid out its data folder.
mkdirSync(rawDir, { recursive: true });
let rawFile = 0;
const raw = http.createServer((req, res) => {
  pipeline(req, createWriteStream(path.join(rawDir, `${rawFile++}.png`))).then(
    () => res.writeHead(201, { "content-type": "application/json" }).end("{}"),
    (error: unknown) => {
      console.error("raw server:", error);
      res.writeHead(500).end();
    },
  );
});
await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
let last = "";

try {
  const picture = noisePng(MB * 1_000_000);
  const megabytes = picture.length / 1_000_000;
  console.log(`${FILES} PNGs of ${megabytes.toFixed(2)} MB each (random pixels, ${Math.sqrt((picture.length - 100) / 3).toFixed(0)} px square)`);
  // A warm-up of each, so the first compile or connection is not timed.
  await uploadFile(stack, "warm-up.png", new Uint8Array(taggedPng(picture, "warm-up")));
  await fetch(`${rawUrl}/warm-up`, { method: "PUT", body: new Uint8Array(picture) }).catch((error: unknown) => {
    throw new Error(`raw warm-up PUT to ${rawUrl}`, { cause: error });
  });

  const results: string[] = [];
  for (const concurrency of [1, 3]) {
    const files = Array.from({ length: FILES }, (_, i) => taggedPng(picture, `c${concurrency}-${i}`));
    const route = await timed(files, concurrency, async (bytes, i) => void (await uploadFile(stack, `bench-${concurrency}-${i}.png`, bytes)));
    const bare = await timed(files, concurrency, async (bytes, i) => {
      const res = await fetch(`${rawUrl}/${concurrency}-${i}`, { method: "PUT", body: bytes });
      if (res.status !== 201) throw new Error(`raw PUT: HTTP ${res.status}`);
      await res.arrayBuffer();
    });
    const mbs = (files.length * files[0]!.length) / 1_000_000;
    const routeRate = mbs / route.seconds;
    const rawRate = mbs / bare.seconds;
    console.log(
      `${concurrency} at a time: route ${routeRate.toFixed(1)} MB/s (${(files.length / route.seconds).toFixed(1)} uploads/s, p50 ${route.p50.toFixed(0)} ms, p95 ${route.p95.toFixed(0)} ms)` +
        ` vs raw ${rawRate.toFixed(1)} MB/s (p50 ${bare.p50.toFixed(0)} ms, p95 ${bare.p95.toFixed(0)} ms), ratio ${(routeRate / rawRate).toFixed(2)}`,
    );
    results.push(`upload: ${routeRate.toFixed(1)} MB/s vs raw ${rawRate.toFixed(1)} MB/s, ratio ${(routeRate / rawRate).toFixed(2)}`);
  }
  console.log("ratio = route / raw: the share of the raw disk speed the route keeps (the route also hashes, probes and checks limits, and records the row; the thumbnail is made on its first request)");
  last = results[results.length - 1]!;
} finally {
  raw.close();
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(last);
process.exit(last ? 0 : 1);

async function timed(files: Buffer[], concurrency: number, send: (bytes: Uint8Array<ArrayBuffer>, i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const i = next++;
        const t = performance.now();
        await send(new Uint8Array(files[i]!), i);
        times.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, p50: pct(times, 50), p95: pct(times, 95) };
}
