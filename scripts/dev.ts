// `npm run dev`: everything the app needs, on one machine, with data kept under .data/.
import { existsSync } from "node:fs";
import path from "node:path";
import { launch, root, stopOnSignals } from "./lib/launcher";

for (const file of [".env.local", ".env"]) {
  const full = path.join(root, file);
  if (existsSync(full)) process.loadEnvFile(full);
}

const started = performance.now();
const port = Number(process.env.PORT ?? 3000);
const { url, stop } = await launch({
  mode: "dev",
  dataDir: path.join(root, ".data"),
  persistentDatabase: true,
  port,
  seedDemo: process.env.SEED_DEMO !== "0",
  env: { NODE_ENV: "development" },
});
stopOnSignals(stop);
console.log(`\n  Avatar Studio is running at ${url}  (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(`  Demo sign-in: admin@demo.local / lead@demo.local / creator@demo.local, password avatar-demo\n`);
