// 指南 or 导出 指南 in a private chat: the 填报指南 as text, ready to forward to the groups, and to an admin also as
// a file, to pass on or print.
import { guideFileName, guideMessages, guideText } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import type { DeskReply } from './reply.js';

export function guideReply(campaign: Campaign, withFile: boolean): DeskReply {
  const [text, ...more] = guideMessages(campaign);
  return {
    text: text!,
    ...(more.length > 0 ? { more } : {}),
    ...(withFile ? { file: { name: guideFileName(campaign), data: guideFile(campaign) } } : {}),
  };
}

/**
 * The guide as a .txt that opens right on any phone and in every Windows editor, old Notepad too: UTF-8 with
 * a byte-order mark, and Windows line ends.
 */
export function guideFile(campaign: Campaign): Buffer {
  return Buffer.from(`\ufeff${guideText(campaign).replace(/\n/g, '\r\n')}\r\n`, 'utf8');
}
