-- One row per group: the group's whole conversation moves into Room as one state with a revision.
-- An open conversation keeps who fills it and which form: the bot rebuilds its state from that and the
-- saved answers, at the first unanswered question. Pending binding and form offers are dropped: the group
-- sends 填报 again to see them.

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
    CONSTRAINT "Room_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Room" ("boundAt", "id", "lastSeenAt", "members", "topic", "unitId", "ownerId", "ownerName", "formId")
SELECT r."boundAt", r."id", r."lastSeenAt", r."members", r."topic", r."unitId", c."ownerId", c."ownerName", c."formId"
FROM "Room" r LEFT JOIN "Conversation" c ON c."roomId" = r."id" AND c."unitId" = r."unitId";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE INDEX "Room_unitId_idx" ON "Room"("unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "BindingOffer";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Conversation";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "FormOffer";
PRAGMA foreign_keys=on;
