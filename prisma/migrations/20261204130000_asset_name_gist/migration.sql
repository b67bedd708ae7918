-- The name search (ILIKE '%term%') by a GiST trigram index instead of GIN. With 100k names
-- sharing common trigrams ("villain-..."), GIN read the long posting lists of every trigram
-- of a rare term (4.5 ms), where GiST finds it in under 1 ms. Frequent terms are still read
-- from the (teamId, createdAt, id) index with the name as a filter.

-- DropIndex
DROP INDEX "Asset_name_idx";

-- CreateIndex
CREATE INDEX "Asset_name_idx" ON "Asset" USING GIST ("name" gist_trgm_ops);
