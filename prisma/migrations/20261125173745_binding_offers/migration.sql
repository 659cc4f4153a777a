/*
  Warnings:

  - You are about to drop the column `memberIds` on the `Room` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "BindingOffer" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "unitIds" TEXT NOT NULL,
    "offeredBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT,
    "unitId" INTEGER,
    "boundAt" DATETIME,
    "members" TEXT NOT NULL DEFAULT '[]',
    "lastSeenAt" DATETIME,
    CONSTRAINT "Room_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("boundAt", "id", "lastSeenAt", "topic", "unitId") SELECT "boundAt", "id", "lastSeenAt", "topic", "unitId" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE INDEX "Room_unitId_idx" ON "Room"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
