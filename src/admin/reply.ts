// What reaches the admins' desk and what it answers: a private message in, texts and files out, and the
// size WeChat lets a file be.

export interface PrivateMessage {
  senderId: string;
  senderName: string;
  text: string;
}

export interface DeskFile {
  name: string;
  data: Buffer;
}

/** What the desk answers: a text (and more texts after it), and sometimes a file, or several made one at a time, to send after them. */
export interface DeskReply {
  text: string;
  more?: string[];
  file?: DeskFile;
  files?: AsyncIterable<DeskFile>;
}

/** The largest file WeChat sends, and how many parts of an export are worth sending one after another. */
export interface FileLimit {
  maxBytes: number;
  maxParts: number;
}
