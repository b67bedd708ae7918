-- The bytes a team's uploads take, kept beside its asset counts, so the storage quota check of
-- every upload reads one row instead of summing all of the team's uploads. Kept by
-- statement-level triggers on "Upload" (insert, delete, a changed size), which do not move the
-- change counter: a new upload changes nothing the polled reads show.
-- As in 20261203184000_team_counter, no literal semicolon inside a function: \073 in E-strings.

-- AlterTable
ALTER TABLE "TeamCounter" ADD COLUMN "uploadBytes" BIGINT NOT NULL DEFAULT 0;

-- Per-team byte deltas, applied in team order (so statements touching several teams lock their rows in the
-- same order). A statement that changes no size (a thumbnail recorded) takes no lock here.
CREATE FUNCTION "team_counter_add_upload_bytes"(teams text[], deltas bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "TeamCounter" ("teamId", "uploadBytes")
  SELECT u.t, SUM(u.d) FROM unnest(teams, deltas) AS u(t, d)
  WHERE u.t IS NOT NULL
  GROUP BY u.t
  HAVING SUM(u.d) <> 0
  ORDER BY u.t
  ON CONFLICT ("teamId") DO UPDATE SET "uploadBytes" = "TeamCounter"."uploadBytes" + EXCLUDED."uploadBytes"
$$;

CREATE FUNCTION "team_counter_upload_insert"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_upload_bytes"(array_agg("teamId"), array_agg("sizeBytes"::bigint)) FROM new_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_upload_delete"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_upload_bytes"(array_agg("teamId"), array_agg(-"sizeBytes"::bigint)) FROM old_rows HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE FUNCTION "team_counter_upload_resize"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN PERFORM "team_counter_add_upload_bytes"(array_agg(r.t), array_agg(r.d)) FROM (SELECT "teamId" AS t, "sizeBytes"::bigint AS d FROM new_rows UNION ALL SELECT "teamId", -"sizeBytes"::bigint FROM old_rows) r HAVING COUNT(*) > 0\073 RETURN NULL\073 END';

CREATE TRIGGER "Upload_team_bytes_insert" AFTER INSERT ON "Upload" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_upload_insert"();
CREATE TRIGGER "Upload_team_bytes_delete" AFTER DELETE ON "Upload" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_upload_delete"();
CREATE TRIGGER "Upload_team_bytes_update" AFTER UPDATE ON "Upload" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_counter_upload_resize"();

-- Backfill (after the triggers exist, with the app stopped, as every migration here).
INSERT INTO "TeamCounter" ("teamId", "uploadBytes")
SELECT t.id, COALESCE(SUM(u."sizeBytes"), 0)
FROM "Team" t LEFT JOIN "Upload" u ON u."teamId" = t.id
GROUP BY t.id
ON CONFLICT ("teamId") DO UPDATE SET "uploadBytes" = EXCLUDED."uploadBytes";
