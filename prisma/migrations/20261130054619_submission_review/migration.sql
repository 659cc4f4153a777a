-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "review" TEXT;
ALTER TABLE "Submission" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Submission" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "reviewedBy" TEXT;
