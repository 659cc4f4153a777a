-- CreateTable
CREATE TABLE "FormOffer" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "formIds" TEXT NOT NULL,
    "offeredBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
