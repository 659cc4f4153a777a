// A pino logger whose JSON lines are kept for the test to read.
import { Writable } from 'node:stream';
import { pino } from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  err?: { message?: string };
  roomId?: string;
}

export function capturedLogger(level = 'debug'): { log: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: pino({ level }, stream), lines };
}
