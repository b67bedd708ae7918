import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The settings that point the app (STORAGE_DRIVER=s3) at this server. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/**
 * A real S3-compatible server (s3rver: the S3 REST API over a local folder) for tests and
 * measurements, with one bucket made. Path-style URLs, its fixed credentials (S3RVER/S3RVER).
 * Not for production: it checks signatures but has no bucket policies.
 */
export async function startS3Server(options: { dir?: string; bucket?: string; port?: number } = {}): Promise<S3TestServer> {
  const dir = options.dir ?? path.join(os.tmpdir(), `avatar-studio-s3-${process.pid}-${Date.now()}`);
  const bucket = options.bucket ?? "avatar-studio-test";
  mkdirSync(dir, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  return {
    endpoint,
    bucket,
    ...credentials,
    env: {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    async stop() {
      await server.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
