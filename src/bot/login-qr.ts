// The login QR code, for whoever starts the bot: drawn in the terminal, saved as a PNG next to the database
// (for a server without a screen: copy it off, or open the URL the line gives), and removed once logged in.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';
import { qrcodeValueToImageUrl, ScanStatus, type Wechaty } from 'wechaty';
import type { Logger } from '../log/index.js';
import { connectionText } from './connection-text.js';

export const QR_FILE_NAME = 'login-qr.png';

/** `account`: with several accounts, the QR code's file is named after it (login-qr-甲.png). */
export function showLoginQr(bot: Pick<Wechaty, 'on'>, options: { dataDir: string; log: Logger; terminal?: boolean; account?: string }): void {
  const file = join(options.dataDir, options.account ? QR_FILE_NAME.replace('.png', `-${options.account}.png`) : QR_FILE_NAME);
  const { log } = options;
  bot.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Scanned) {
      log.info(connectionText.scanned());
      return;
    }
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
    if (options.terminal !== false) qrcodeTerminal.generate(qrcode, { small: true });
    QRCode.toFile(file, qrcode, { width: 360, margin: 2 }).then(
      () => log.info(connectionText.scan(file, qrcodeValueToImageUrl(qrcode))),
      (error: unknown) => {
        log.debug({ err: error }, 'could not save the QR code');
        log.info(connectionText.scan(undefined, qrcodeValueToImageUrl(qrcode)));
      },
    );
  });
  bot.on('login', () => void rm(file, { force: true }).catch(() => undefined));
}
