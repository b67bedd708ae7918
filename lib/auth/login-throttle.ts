import { prisma } from "@/lib/db";

export const LOGIN_WINDOW_MS = 60_000;
export const LOGIN_MAX_FAILURES = 10;

/** Failed sign-ins from one client address within the window; kept in Postgres so every app instance sees them. */
export async function recentFailures(key: string, now = new Date()): Promise<number> {
  return prisma.loginAttempt.count({
    where: { key, createdAt: { gt: new Date(now.getTime() - LOGIN_WINDOW_MS) } },
  });
}

export async function recordFailure(key: string): Promise<void> {
  await prisma.loginAttempt.create({ data: { key } });
  // Old rows are of no use; trim them now and then.
  if (Math.random() < 0.05) {
    await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 10 * LOGIN_WINDOW_MS) } } });
  }
}

export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}
