// Tests that start the real Wechaty, tsx or the Prisma CLI take seconds on a loaded 2-core machine, not
// the 5 s vitest allows by default; files that need more say so themselves. FILL_STRICT makes fill() throw
// on a placeholder without a value, in the tests and in the processes they start (src/campaign/text.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { FILL_STRICT: '1' },
  },
});
