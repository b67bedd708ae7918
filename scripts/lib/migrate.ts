import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs a Prisma CLI command (e.g. `migrate deploy`) against the given database. */
export async function prismaCli(args: string[], databaseUrl: string): Promise<void> {
  const prisma = path.join(root, "node_modules/prisma/build/index.js");
  const preload = path.join(root, "scripts/lib/unref-long-timers.cjs");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, prisma, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed:\n${output}`))));
  });
}

export function migrateDeploy(databaseUrl: string): Promise<void> {
  return prismaCli(["migrate", "deploy"], databaseUrl);
}
