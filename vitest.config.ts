import { defineConfig } from 'vitest/config';

// Two projects, fixed by file suffix (STYLE.md convention 3):
// unit tests are hermetic; *.int.test.ts may use PostgreSQL, real processes and loopback network peers.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', 'packages/web/**'],
          testTimeout: 20_000,
        },
      },
      {
        // The web UI's component tests (React, DOM): packages/web/src/**/*.test.tsx in jsdom.
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.tsx', 'packages/web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'jsdom',
          setupFiles: ['packages/web/src/test/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'int',
          include: ['packages/*/src/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
