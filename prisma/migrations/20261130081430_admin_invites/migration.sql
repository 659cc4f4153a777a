-- CreateTable
CREATE TABLE "InvitedAdmin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeName" TEXT,
    "contactId" TEXT,
    "boundAt" DATETIME,
    "codeHash" TEXT,
    "codeExpiresAt" DATETIME,
    "codeUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "InvitedAdmin_name_key" ON "InvitedAdmin"("name");

-- CreateIndex
CREATE UNIQUE INDEX "InvitedAdmin_contactId_key" ON "InvitedAdmin"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "InvitedAdmin_codeHash_key" ON "InvitedAdmin"("codeHash");
