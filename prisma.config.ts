import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConfigFromUrl } from "./lib/db-url";

// `prisma generate` reads the schema's env("DATABASE_URL") but never connects: let it run on a
// fresh clone (npm install's postinstall) before any database exists.
if (process.argv.includes("generate")) process.env.DATABASE_URL ??= "postgresql://localhost/unused";

// Prisma 6 with the JS engine: migrate and generate run without downloading a Rust engine.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return new PrismaPg(pgConfigFromUrl(url));
  },
});
