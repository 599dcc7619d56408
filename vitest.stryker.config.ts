import { defineConfig } from 'vitest/config';

// The core package's tests alone, for StrykerJS (`pnpm mutation`): the bundle-size and type tests
// check no behaviour a mutant could change, and the interop servers are slow to start per run.
export default defineConfig({
  resolve: { conditions: ['@fx-auth/source'] },
  ssr: { resolve: { conditions: ['@fx-auth/source'] } },
  test: {
    include: ['packages/core/test/**/*.test.ts'],
    exclude: ['packages/core/test/interop/**'],
    environment: 'node',
    setupFiles: ['tools/failOnConsole.ts'],
    // Every mutant re-runs the tests that cover it: property tests take fewer samples here.
    env: { FX_MAX_PROPERTY_RUNS: '25' },
  },
});
