import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_POOL_SIZE, databaseEnv } from "@/lib/database-env";
import { pgConfigFromUrl } from "@/lib/db-url";

function createClient(): PrismaClient {
  const url = databaseEnv.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({ ...pgConfigFromUrl(url), max: databaseEnv.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// One client per process, kept across hot reloads in development, and made on first use so
// that importing this module (as `next build` does) needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
