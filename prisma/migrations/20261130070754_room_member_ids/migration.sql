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
    "revision" INTEGER NOT NULL DEFAULT 0,
    "machineVersion" TEXT,
    "state" TEXT,
    "ownerId" TEXT,
    "ownerName" TEXT,
    "formId" TEXT,
    "updatedAt" DATETIME,
    "memberIds" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Room_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("boundAt", "formId", "id", "lastSeenAt", "machineVersion", "members", "ownerId", "ownerName", "revision", "state", "topic", "unitId", "updatedAt") SELECT "boundAt", "formId", "id", "lastSeenAt", "machineVersion", "members", "ownerId", "ownerName", "revision", "state", "topic", "unitId", "updatedAt" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE INDEX "Room_unitId_idx" ON "Room"("unitId");
CREATE INDEX "Room_topic_idx" ON "Room"("topic");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
