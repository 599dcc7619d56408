import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@fx-auth/source'] },
  ssr: { resolve: { conditions: ['@fx-auth/source'] } },
  test: {
    // Benchmarks live in their package's project only (the default globs would run them in each).
    benchmark: { include: [] },
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['packages/core/test/**/*.test.ts'],
          benchmark: { include: ['packages/core/bench/**/*.bench.ts'] },
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
          typecheck: { enabled: true, include: ['packages/core/test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          include: ['packages/react/test/**/*.test.{ts,tsx}'],
          environment: './tools/happyDomWithNodeFetch.ts',
          environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
          setupFiles: ['tools/failOnConsole.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/react/test/**/*.test-d.{ts,tsx}'],
            tsconfig: 'tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'devtools',
          include: ['packages/devtools/test/**/*.test.{ts,tsx}'],
          environment: './tools/happyDomWithNodeFetch.ts',
          environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
          setupFiles: ['tools/failOnConsole.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'testing',
          include: ['packages/testing/test/**/*.test.{ts,tsx}'],
          exclude: ['packages/testing/test/browser/**'],
          environment: './tools/happyDomWithNodeFetch.ts',
          environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
          setupFiles: ['tools/failOnConsole.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'testing-browser',
          include: ['packages/testing/test/browser/**/*.browser.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'demo-browser',
          include: ['examples/demo-app/test/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'tabs-browser',
          include: ['tests/tabs/test/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'docs',
          include: ['tests/docs/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/test/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'mock-server',
          include: ['packages/mock-server/test/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tools/failOnConsole.ts'],
        },
      },
    ],
  },
});
