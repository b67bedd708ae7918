-- DropIndex
DROP INDEX "VideoJob_state_idx";

-- AlterTable
ALTER TABLE "VideoJob" ADD COLUMN     "nextPollAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "VideoJob_state_nextPollAt_idx" ON "VideoJob"("state", "nextPollAt");
