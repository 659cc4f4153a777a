-- CreateTable
CREATE TABLE "PendingImport" (
    "adminId" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "problems" TEXT NOT NULL,
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
    "memberIds" TEXT NOT NULL DEFAULT '[]',
    "lastSeenAt" DATETIME,
    CONSTRAINT "Room_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("boundAt", "id", "topic", "unitId") SELECT "boundAt", "id", "topic", "unitId" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE INDEX "Room_unitId_idx" ON "Room"("unitId");
CREATE TABLE "new_Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT,
    "city" TEXT,
    "industry" TEXT,
    "source" TEXT NOT NULL DEFAULT 'chat',
    "rosterKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Unit" ("category", "city", "createdAt", "id", "industry", "kind", "name", "source") SELECT "category", "city", "createdAt", "id", "industry", "kind", "name", "source" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE UNIQUE INDEX "Unit_rosterKey_key" ON "Unit"("rosterKey");
CREATE INDEX "Unit_name_idx" ON "Unit"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
