// Typed lines joined into messages: a terminal sends one line at a time, a WeChat message may have several.
// A line ending in \ goes on on the next line; /paste … /end sends everything between as one message.

export type Fed =
  /** a whole message (or a demo command) to handle */
  | { kind: 'message'; text: string }
  /** more lines are coming */
  | { kind: 'more' }
  /** /paste began: the lines up to /end are one message */
  | { kind: 'pasting' }
  /** /end with nothing pasted, or /cancel: nothing is sent */
  | { kind: 'dropped' };

export class LineJoiner {
  private lines: string[] = [];
  private mode: 'single' | 'continued' | 'paste' = 'single';

  /** Lines are waiting for the rest of their message. */
  get open(): boolean {
    return this.mode !== 'single';
  }

  feed(line: string): Fed {
    const command = line.trim().toLowerCase();
    if (this.mode === 'paste') {
      if (command === '/end') return this.finish();
      if (command === '/cancel') return this.drop();
      this.lines.push(line);
      return { kind: 'more' };
    }
    if (this.mode === 'single' && command === '/paste') {
      this.mode = 'paste';
      return { kind: 'pasting' };
    }
    if (/\\\s*$/.test(line)) {
      this.lines.push(line.replace(/\\\s*$/, ''));
      this.mode = 'continued';
      return { kind: 'more' };
    }
    if (this.mode === 'continued') {
      this.lines.push(line);
      return this.finish();
    }
    return { kind: 'message', text: line };
  }

  private finish(): Fed {
    const text = this.lines.join('\n');
    this.lines = [];
    this.mode = 'single';
    return text.trim() === '' ? { kind: 'dropped' } : { kind: 'message', text };
  }

  private drop(): Fed {
    this.lines = [];
    this.mode = 'single';
    return { kind: 'dropped' };
  }
}
