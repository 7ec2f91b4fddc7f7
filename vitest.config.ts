import path from 'node:path';
import {defineConfig} from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The slow files mostly wait on child processes (PGlite, PostgreSQL, npx tsx): three at a time
    // even on two cores (vitest's default here would be one).
    maxWorkers: 3,
  },
});
