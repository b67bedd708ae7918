-- One row per team: how many of its assets are in each state, and a change counter that
-- every write to what the polled reads show (assets, submissions, video jobs, uploads,
-- groups, members' names) moves forward. Kept by statement-level triggers, so every writer
-- (the app, the worker, scripts, SQL by hand) keeps it in the same transaction as its write.
-- One row per team means one lock per team: a statement takes it after its own row locks.

-- CreateTable
CREATE TABLE "TeamCounter" (
    "teamId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "inReview" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "replaced" INTEGER NOT NULL DEFAULT 0,
    "dismissed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TeamCounter_pkey" PRIMARY KEY ("teamId")
);

-- Prisma applies a migration one statement at a time, split at every semicolon, so the functions below
-- hold no literal semicolon: the SQL ones are one statement each, and the trigger bodies are
-- E-strings where \073 stands for a semicolon (and no comment holds one).

-- Asset rows in (+1) and out (-1), as per-team deltas by state, applied in team order (so two
-- statements touching several teams lock their rows in the same order), and the version moves once.
CREATE FUNCTION "team_counter_add_assets"(teams text[], states text[], signs int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TeamCounter" ("teamId", "version", "pending", "inReview", "approved", "rejected", "replaced", "dismissed")
  SELECT u.t, 1,
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'PENDING'), 0),
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'IN_REVIEW'), 0),
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'APPROVED'), 0),
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'REJECTED'), 0),
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'REPLACED'), 0),
         COALESCE(SUM(u.n) FILTER (WHERE u.s = 'DISMISSED'), 0)
  FROM unnest(teams, states, signs) AS u(t, s, n)
  WHERE u.t IS NOT NULL
  GROUP BY u.t
  ORDER BY u.t
  ON CONFLICT ("teamId") DO UPDATE SET
    "version" = "TeamCounter"."version" + 1,
    "pending" = "TeamCounter"."pending" + EXCLUDED."pending",
    "inReview" = "TeamCounter"."inReview" + EXCLUDED."inReview",
    "approved" = "TeamCounter"."approved" + EXCLUDED."approved",
    "rejected" = "TeamCounter"."rejected" + EXCLUDED."rejected",
    "replaced" = "TeamCounter"."replaced" + EXCLUDED."replaced",
    "dismissed" = "TeamCounter"."dismissed" + EXCLUDED."dismissed"
$$;

-- The change counter alone, for these teams.
CREATE FUNCTION "team_counter_bump"(teams text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TeamCounter" ("teamId", "version")
  SELECT DISTINCT t, 1 FROM unnest(teams) AS t WHERE t IS NOT NULL ORDER BY t
  ON CONFLICT ("teamId") DO UPDATE SET "version" = "TeamCounter"."version" + 1
$$;

CREATE FUNCTION "team_counter_asset_insert"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_assets"(array_agg("teamId"), array_agg(state::text), array_agg(1)) FROM new_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_asset_update"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_assets"(array_agg(r.t), array_agg(r.s), array_agg(r.n)) FROM (SELECT "teamId" AS t, state::text AS s, 1 AS n FROM new_rows UNION ALL SELECT "teamId", state::text, -1 FROM old_rows) r HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_asset_delete"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_assets"(array_agg("teamId"), array_agg(state::text), array_agg(-1)) FROM old_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_bump_new"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_bump"(array_agg(DISTINCT "teamId")) FROM new_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_bump_old"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_bump"(array_agg(DISTINCT "teamId")) FROM old_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

-- A member's name or email is shown as an author on every team they belong to.
CREATE FUNCTION "team_counter_bump_user"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_bump"(array_agg(DISTINCT m."teamId")) FROM "Membership" m WHERE m."userId" = NEW.id HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE TRIGGER "Asset_team_counter_insert" AFTER INSERT ON "Asset" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_asset_insert"();
CREATE TRIGGER "Asset_team_counter_update" AFTER UPDATE ON "Asset" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_asset_update"();
CREATE TRIGGER "Asset_team_counter_delete" AFTER DELETE ON "Asset" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_asset_delete"();

CREATE TRIGGER "Submission_team_counter_insert" AFTER INSERT ON "Submission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "Submission_team_counter_update" AFTER UPDATE ON "Submission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "Submission_team_counter_delete" AFTER DELETE ON "Submission" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_old"();

CREATE TRIGGER "VideoJob_team_counter_insert" AFTER INSERT ON "VideoJob" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "VideoJob_team_counter_update" AFTER UPDATE ON "VideoJob" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "VideoJob_team_counter_delete" AFTER DELETE ON "VideoJob" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_old"();

-- An upload's thumbnail or a group's name, shown on cards, may change after the asset is written.
CREATE TRIGGER "Upload_team_counter_update" AFTER UPDATE ON "Upload" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "AssetGroup_team_counter_update" AFTER UPDATE ON "AssetGroup" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_bump_new"();
CREATE TRIGGER "User_team_counter_update" AFTER UPDATE OF "name", "email" ON "User" FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "team_counter_bump_user"();

-- Backfill: today's counts (after the triggers exist, so a write from here on is counted by them,
-- apply with the app stopped, as every migration here).
INSERT INTO "TeamCounter" ("teamId", "version", "pending", "inReview", "approved", "rejected", "replaced", "dismissed")
SELECT t.id, 1,
       COUNT(a.id) FILTER (WHERE a.state = 'PENDING'),
       COUNT(a.id) FILTER (WHERE a.state = 'IN_REVIEW'),
       COUNT(a.id) FILTER (WHERE a.state = 'APPROVED'),
       COUNT(a.id) FILTER (WHERE a.state = 'REJECTED'),
       COUNT(a.id) FILTER (WHERE a.state = 'REPLACED'),
       COUNT(a.id) FILTER (WHERE a.state = 'DISMISSED')
FROM "Team" t LEFT JOIN "Asset" a ON a."teamId" = t.id
GROUP BY t.id
ON CONFLICT ("teamId") DO UPDATE SET
    "pending" = EXCLUDED."pending", "inReview" = EXCLUDED."inReview", "approved" = EXCLUDED."approved",
    "rejected" = EXCLUDED."rejected", "replaced" = EXCLUDED."replaced", "dismissed" = EXCLUDED."dismissed";
