import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// npm run bench: measurements, not tests (scripts/bench.mjs runs each file with BENCH_OUT set).
export default defineConfig({
  // Resolves #i18n and @/ for the Node-side figures (event log); the browser figures do not need it.
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['bench/**/*.measure.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
