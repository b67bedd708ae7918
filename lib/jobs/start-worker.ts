import { randomUUID } from "node:crypto";
import os from "node:os";
import { prisma } from "@/lib/db";
import { createBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";

const HEARTBEAT_MS = 5_000;

export type JobRegistration = (boss: ReturnType<typeof createBoss>) => Promise<void>;

/**
 * Starts a worker process: pg-boss for the jobs, and a heartbeat row so /api/health can tell
 * whether any worker is alive. Job definitions register themselves through `registrations`.
 */
export async function startWorker(registrations: JobRegistration[] = []) {
  const boss = createBoss();
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const register of registrations) await register(boss);

  const id = randomUUID();
  const startedAt = new Date();
  const beat = () =>
    prisma.workerHeartbeat
      .upsert({
        where: { id },
        create: { id, host: os.hostname(), pid: process.pid, startedAt, seenAt: new Date() },
        update: { seenAt: new Date() },
      })
      .catch((error) => logger.warn({ err: error }, "heartbeat failed"));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  logger.info({ workerId: id }, "worker ready");

  return {
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, timeout: 10_000 });
      await prisma.workerHeartbeat.delete({ where: { id } }).catch(() => {});
      await prisma.$disconnect();
      logger.info("worker stopped");
    },
  };
}

/** Whether any worker reported within the last few heartbeats. */
export async function workerIsAlive(now = new Date()): Promise<boolean> {
  const recent = await prisma.workerHeartbeat.count({ where: { seenAt: { gt: new Date(now.getTime() - 4 * HEARTBEAT_MS) } } });
  return recent > 0;
}
