import { PgBoss } from "pg-boss";
import { databaseEnv } from "@/lib/database-env";

/** pg-boss on the app's own PostgreSQL, in its own schema. */
export function createBoss(): PgBoss {
  const connectionString = databaseEnv.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PgBoss({ connectionString, schema: "pgboss", max: 5 });
}
