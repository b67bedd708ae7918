-- A name search ("Part of the asset's name", ILIKE '%term%') finds a rare term by index
-- instead of reading every one of the team's assets.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Asset_name_idx" ON "Asset" USING GIN ("name" gin_trgm_ops);
