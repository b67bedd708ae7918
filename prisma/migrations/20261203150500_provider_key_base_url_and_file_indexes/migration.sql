-- AlterTable: the base URL a saved provider key was entered for.
ALTER TABLE "TeamSettings" ADD COLUMN     "upstreamApiKeyBaseUrl" TEXT;

-- Keys saved before: bound to the base URL saved with them (NULL: the environment's).
UPDATE "TeamSettings" SET "upstreamApiKeyBaseUrl" = "upstreamBaseUrl" WHERE "upstreamApiKeyEnc" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Upload_uploaderId_createdAt_idx" ON "Upload"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "Upload_thumbnailKey_idx" ON "Upload"("thumbnailKey");

-- CreateIndex
CREATE INDEX "VideoJob_videoKey_idx" ON "VideoJob"("videoKey");

-- CreateIndex
CREATE INDEX "VideoJob_lastFrameKey_idx" ON "VideoJob"("lastFrameKey");
