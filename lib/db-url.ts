import type { PoolConfig } from "pg";

/**
 * Splits a postgres:// URL into separate pool fields. The Prisma pg adapter must get fields,
 * not a connectionString, or migrate's shadow database would point at the real one.
 *
 * Every connection runs with `TimeZone=UTC`. Prisma keeps `DateTime` in `timestamp` columns
 * as UTC, so SQL that writes or compares them with `now()` is right only in a UTC session;
 * a server whose default zone is another one (its host's) would otherwise shift those times
 * by the zone's offset. An `options` parameter in the URL is kept, with ours after it, so the zone stays UTC.
 */
export function pgConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  const options = u.searchParams.get("options");
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    options: [options, "-c TimeZone=UTC"].filter(Boolean).join(" "),
    ...(sslmode && sslmode !== "disable" ? { ssl: { rejectUnauthorized: sslmode === "verify-full" } } : {}),
  };
}
