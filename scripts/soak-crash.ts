// Crash soak: the fault soak's load (scripts/lib/soak-load.ts: 200 assets in 30 submits and 30
// video jobs, 30 % provider faults) while the app (`next start`) and the worker are killed
// with SIGKILL at random moments, at least 5 times each, and started again at once. Both run
// on the cluster kit (scripts/lib/cluster.ts): an embedded PostgreSQL, an S3 bucket and the
// provider simulator that outlive the kills. A call the driver made to a dead app is retried
// as a person would, and one whose answer never came is first looked up, so nothing is asked
// for twice by the driver. Bounded in time, loopback only, stops by itself. Not a test.
//
//   SKIP_ENV_VALIDATION=1 node node_modules/next/dist/bin/next build
//   npx tsx scripts/soak-crash.ts [--seconds 900] [--seed 1] [--kills 5]
//
// Last line: `crash: soak: assets 200 lost L duplicated D stuck S; jobs 30 lost L duplicated D stuck S; in Ns`
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Hosts, startHosts, startSharedServices } from "./lib/cluster";
import { runSoakLoad, type SoakFigures, sleep, soakLine, soakSettings } from "./lib/soak-load";
import { createRandom } from "@/simulator/seeded-random";
import { numberArg } from "./lib/number-arg";

const LIMIT_S = numberArg("seconds", 900);
const SEED = numberArg("seed", Date.now() % 100_000);
const KILLS = numberArg("kills", 5);
const started = Date.now();
const deadline = started + LIMIT_S * 1000;
const random = createRandom(SEED);
// Every host started again adds its exit listener (scripts/lib/cluster.ts).
process.setMaxListeners(100);

const dir = mkdtempSync(path.join(os.tmpdir(), "avatar-studio-crash-"));
const shared = await startSharedServices({
  dataDir: dir,
  env: soakSettings(SEED),
});
Object.assign(process.env, shared.env);
let generation = 0;
let worker: Hosts = await startHosts(shared, { apps: 0, workers: 1, name: `w${generation}` });
let app: Hosts = await startHosts(shared, { apps: 1, workers: 0, name: `a${generation}` });
const kills = { app: 0, worker: 0 };
const downtime = { app: 0, worker: 0 };
let stopping = false;
let figures: SoakFigures | undefined;
const stop = async () => {
  stopping = true;
  await app.stop().catch(() => {});
  await worker.stop().catch(() => {});
  await shared.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));

/** Kills the app or the worker with SIGKILL at random moments, then starts it again. */
async function killer(): Promise<void> {
  while ((kills.app < KILLS || kills.worker < KILLS) && Date.now() < deadline && !stopping) {
    await sleep(3000 + random() * 12_000);
    const which: "app" | "worker" = kills.app >= KILLS ? "worker" : kills.worker >= KILLS ? "app" : random() < 0.5 ? "app" : "worker";
    const victim = which === "app" ? app : worker;
    const t = Date.now();
    for (const p of victim.processes) {
      try {
        process.kill(-p.pid, "SIGKILL"); // its whole process group: tsx's child too
      } catch {}
    }
    await sleep(300);
    await victim.stop(); // nothing is left running; this only collects the exits
    generation++;
    if (which === "app") app = await startHosts(shared, { apps: 1, workers: 0, name: `a${generation}` });
    else worker = await startHosts(shared, { apps: 0, workers: 1, name: `w${generation}` });
    kills[which]++;
    downtime[which] += Date.now() - t;
    log(`${which} killed (SIGKILL) and started again in ${((Date.now() - t) / 1000).toFixed(1)} s (${kills.app} app, ${kills.worker} worker kills so far)`);
  }
}

try {
  const killing = killer();
  figures = await runSoakLoad({
    base: () => app.appUrls[0]!,
    sim: shared.simulatorUrl,
    seed: SEED,
    started,
    deadline,
    dir,
    log,
    appMayDie: true,
    beforeSettle: () => killing,
  });
  await killing;
  console.log(`kills: app ${kills.app} (down ${(downtime.app / 1000).toFixed(0)} s in all), worker ${kills.worker} (down ${(downtime.worker / 1000).toFixed(0)} s in all)`);
} finally {
  await stop();
}
if (!figures || kills.app < KILLS || kills.worker < KILLS) {
  console.log(`crash: too few kills (app ${kills.app}, worker ${kills.worker}) or no figures`);
  process.exit(1);
}
console.log(`crash: ${soakLine(figures, Math.round((Date.now() - started) / 1000))}`);
process.exit(0);

function log(line: string) {
  console.log(`[crash]      ${line}`);
}
