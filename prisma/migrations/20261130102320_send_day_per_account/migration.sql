/*
  Warnings:

  - The primary key for the `SendDay` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SendDay" (
    "account" TEXT NOT NULL DEFAULT '微信',
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" DATETIME,

    PRIMARY KEY ("account", "day")
);
INSERT INTO "new_SendDay" ("count", "day", "lastAt") SELECT "count", "day", "lastAt" FROM "SendDay";
DROP TABLE "SendDay";
ALTER TABLE "new_SendDay" RENAME TO "SendDay";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
