-- CreateIndex
CREATE INDEX "Room_topic_idx" ON "Room"("topic");

-- CreateIndex
CREATE INDEX "Unit_updatedAt_idx" ON "Unit"("updatedAt");
