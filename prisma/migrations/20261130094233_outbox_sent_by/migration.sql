-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "sentBy" TEXT;
