// Structured logs (pino). Tools and tests get plain JSON lines; the running bot gets readable lines in the
// terminal and the same as JSON in a file a day under data/logs/, kept for 14 days, both through pino's
// transports (worker threads, so writing a log never holds up a reply).
import { join } from 'node:path';
import { pino } from 'pino';

export type Logger = pino.Logger;

/** How many daily log files are kept. */
export const LOG_DAYS_KEPT = 14;

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: undefined });
}

/** The bot's logger for `npm start`: the terminal, and data/logs/bot.<date>.log. */
export function createOperatorLogger(level: string, dataDir: string): Logger {
  const transport = pino.transport({
    targets: [
      {
        target: 'pino-pretty',
        level,
        options: { destination: 1, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
      },
      {
        target: 'pino-roll',
        level,
        options: {
          file: join(dataDir, 'logs', 'bot'),
          extension: '.log',
          frequency: 'daily',
          dateFormat: 'yyyy-MM-dd',
          limit: { count: LOG_DAYS_KEPT },
          mkdir: true,
        },
      },
    ],
  });
  return pino({ level, base: undefined }, transport);
}

/** A logger that writes nothing, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
