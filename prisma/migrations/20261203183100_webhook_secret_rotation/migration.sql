-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "previousSecretEnc" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3),
ADD COLUMN     "secretRotatedAt" TIMESTAMP(3);
