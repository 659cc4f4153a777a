// Copies a seeded benchmark database (SQLite's own backup, WAL included) so that each run starts alike.
//
//   tsx scripts/bench-chat/copy-db.ts FROM TO
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const [from, to] = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true }).positionals;
const db = new Database(from!, { readonly: true });
await db.backup(to!);
db.close();
