-- AlterEnum
ALTER TYPE "VideoJobState" ADD VALUE 'UNCERTAIN';

-- AlterTable
ALTER TABLE "VideoJob" ADD COLUMN     "uncertainSince" TIMESTAMP(3);
