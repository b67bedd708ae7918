-- AlterTable
ALTER TABLE "VideoJob" ADD COLUMN     "estimatedCost" DECIMAL(18,4);

-- CreateTable
CREATE TABLE "TeamBudget" (
    "teamId" TEXT NOT NULL,
    "monthlyLimit" DECIMAL(18,4),
    "maxRunningJobs" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamBudget_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "MemberBudget" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "monthlyLimit" DECIMAL(18,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberBudget_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateIndex
CREATE INDEX "Asset_teamId_reviewedAt_idx" ON "Asset"("teamId", "reviewedAt");

-- CreateIndex
CREATE INDEX "VideoJob_teamId_createdById_createdAt_idx" ON "VideoJob"("teamId", "createdById", "createdAt");

-- AddForeignKey
ALTER TABLE "TeamBudget" ADD CONSTRAINT "TeamBudget_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBudget" ADD CONSTRAINT "MemberBudget_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
