// What the load and upload benches share: one production app host (`npm start`: Next.js behind scripts/server.ts) and one
// worker on the cluster kit's parts (embedded PostgreSQL, the simulator), files on the app's disk,
// a signed-in session, and 2 MB images whose bytes differ from one to the next.
import { randomBytes } from "node:crypto";
import { deflateSync, crc32 } from "node:zlib";
import { type Hosts, type SharedServices, startHosts, startSharedServices } from "./cluster";
import { signIn } from "./app-http";

export type BenchStack = { shared: SharedServices; base: string; cookie: string; stop(): Promise<void> };

/** The app host's connections carry this application_name in pg_stat_activity (the worker's do not). */
export const APP_PG_NAME = "avatar-studio-app";

/** Starts the stack under `dataDir` (a worker, then the app) and signs in as the demo creator. */
export async function startBenchStack(dataDir: string, env: Record<string, string> = {}): Promise<BenchStack> {
  const shared = await startSharedServices({
    dataDir,
    env: {
      // Files on the app host's own disk, the single-host setup the bench compares with a bare disk write.
      STORAGE_DRIVER: "disk",
      // The hourly upload allowance is a product rule, not what is measured here.
      UPLOADS_PER_USER_PER_HOUR: "1000000",
      LOG_LEVEL: "error",
      ...env,
    },
  });
  const hosts: Hosts[] = [];
  const stop = async () => {
    for (const h of hosts.reverse()) await h.stop().catch(() => {});
    await shared.stop();
  };
  try {
    hosts.push(await startHosts(shared, { apps: 0, workers: 1 }));
    // node-postgres takes its application_name from PGAPPNAME.
    hosts.push(await startHosts({ ...shared, env: { ...shared.env, PGAPPNAME: APP_PG_NAME } }, { apps: 1, workers: 0 }));
    const base = hosts[1]!.appUrls[0]!;
    const cookie = await signIn(base, "creator@demo.local", "avatar-demo");
    return { shared, base, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** An RGB PNG of random pixels, about `bytes` long (noise does not compress). */
export function noisePng(bytes: number): Buffer {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const row = 1 + side * 3;
  const raw = randomBytes(row * side);
  for (let y = 0; y < side; y++) raw[y * row] = 0; // filter: none
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8;
  header[9] = 2;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(raw, { level: 1 })), pngChunk("IEND", Buffer.alloc(0))]);
}

/** The same picture with a tEXt chunk of its own before IEND: other bytes, so no upload deduplicates. */
export function taggedPng(png: Buffer, tag: string): Buffer {
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), pngChunk("tEXt", Buffer.from(`Comment\0${tag}`, "latin1")), png.subarray(iend)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Uploads one file through `POST /api/uploads` as the browser does; throws unless 201. Returns the upload's id. */
export async function uploadFile(stack: Pick<BenchStack, "base" | "cookie">, name: string, bytes: Uint8Array<ArrayBuffer>, contentType = "image/png"): Promise<string> {
  const res = await fetch(`${stack.base}/api/uploads?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { cookie: stack.cookie, origin: stack.base, "content-type": contentType },
    body: bytes,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload ${name}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { upload: { id: string } }).upload.id;
}

export function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
