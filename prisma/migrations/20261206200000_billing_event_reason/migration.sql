-- AlterTable
ALTER TABLE "billing_event" ADD COLUMN     "reason" TEXT;

