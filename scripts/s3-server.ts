// A local S3-compatible server (s3rver) with one bucket, for trying STORAGE_DRIVER=s3 and
// storage:migrate on one machine, and for tests. Prints the settings to use, then
// `ready <endpoint>`; stops on Ctrl-C. Not for production.
//
//   npx tsx scripts/s3-server.ts [--port 4569] [--dir .data/s3] [--bucket avatar-studio]
import path from "node:path";
import { startS3Server } from "./lib/s3-server";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const server = await startS3Server({
  port: Number(option("port") ?? process.env.S3_TEST_PORT ?? 4569),
  dir: path.resolve(option("dir") ?? ".data/s3"),
  bucket: option("bucket") ?? "avatar-studio",
});
for (const [name, value] of Object.entries(server.env)) console.log(`${name}=${value}`);
console.log(`ready ${server.endpoint}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.stop().finally(() => process.exit(0)));
