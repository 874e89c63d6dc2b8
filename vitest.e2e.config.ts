import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in a real browser. BROWSER=chromium|firefox picks one.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
