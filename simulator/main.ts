import path from "node:path";
import { parseSimulatorEnv } from "./config";
import type { LogLevel, SimulatorLog } from "./context";
import { startSimulator } from "./server";

const LEVEL_ORDER: Record<LogLevel | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const parsed = parseSimulatorEnv(process.env);
if (!parsed.ok) {
  console.error("Seedance simulator: refusing to start, invalid environment:");
  for (const error of parsed.errors) console.error(`  ${error}`);
  process.exit(1);
}

const threshold = LEVEL_ORDER[parsed.logLevel];
const log: SimulatorLog = (level, message, fields) => {
  if (LEVEL_ORDER[level] < threshold) return;
  const line = `[simulator] ${level} ${message}${fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ""}`;
  (level === "error" || level === "warn" ? console.error : console.log)(line);
};

const options = parsed.options;
if (options.stateFile) options.stateFile = path.resolve(options.stateFile);

try {
  const simulator = await startSimulator({ ...options, log });
  console.log(`Seedance simulator listening on ${simulator.url}`);
  console.log(`  API keys: ${options.apiKeys?.length ?? 0} configured; state: ${options.stateFile ?? "memory only"}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("info", `received ${signal}, stopping`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Seedance simulator: error while stopping:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
} catch (error) {
  console.error("Seedance simulator: could not start:", (error as Error).message);
  process.exit(1);
}
