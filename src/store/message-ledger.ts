// The ids of the private messages handled, kept in ProcessedMessage beside the groups' (under the chat
// "private:<contact id>"), so that a message WeChat delivers again is handled once. A group message's id is
// written with its step, in one transaction; a private message (an export, a roster import, a 退回) touches
// several stores, so its id is claimed before it is handled, and given back if handling fails.
import type { PrismaClient } from './generated/client.js';
import type { Serial } from './serial.js';
import { sqlTime } from './sql-time.js';

export class PrismaMessageLedger {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
    private readonly now: () => Date,
  ) {}

  /** true the first time a message id is claimed; false when it was handled (or is being handled) already */
  claim(messageId: string, chatId: string): Promise<boolean> {
    return this.serial.run(async () => {
      const at = sqlTime(this.now());
      const inserted = await this.prisma
        .$executeRaw`INSERT INTO ProcessedMessage (id, roomId, at) VALUES (${messageId}, ${chatId}, ${at}) ON CONFLICT(id) DO NOTHING`;
      return inserted > 0;
    });
  }

  /** gives a claimed id back, so that the message delivered again is handled then */
  release(messageId: string): Promise<void> {
    return this.serial.run(async () => {
      await this.prisma.processedMessage.deleteMany({ where: { id: messageId } });
    });
  }
}
