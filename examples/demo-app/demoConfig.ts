import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import type { MockTokenServer } from '@fx-auth/mock-server';
import { mockTokenServer } from './mockTokenServerPlugin.js';

/** The FreightExchange API's paths that the dev server forwards to `FX_API_URL` (whole segments only). */
const FX_PATHS = '^/(oauth|user|freight|vehicle)(/|$)';

export interface DemoConfigOptions {
  /** A real FreightExchange host to proxy to instead of the mock (e.g. the demo host). */
  apiUrl?: string | undefined;
  /** Token lifetime of the mock in seconds: short, so that automatic refresh shows. */
  tokenLifetime?: number;
  /** A mock server to use (tests control it); by default one is made. */
  mock?: MockTokenServer;
}

/**
 * The demo's Vite configuration. The page always talks to its own origin: the mock answers there,
 * or the dev server proxies to the real API (which sends no CORS headers for a local page).
 */
export function demoConfig({ apiUrl, tokenLifetime = 30, mock }: DemoConfigOptions = {}): InlineConfig {
  const real = apiUrl !== undefined && apiUrl !== '';
  if (!Number.isInteger(tokenLifetime) || tokenLifetime < 5) {
    throw new Error(`FX_DEMO_TOKEN_LIFETIME must be a whole number of seconds, at least 5 (got ${tokenLifetime}).`);
  }
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    esbuild: { jsx: 'automatic' },
    resolve: { conditions: ['@fx-auth/source'] },
    define: {
      __FX_PROTECTED_PATH__: JSON.stringify(real ? '/freight/offers' : '/api/me'),
      __FX_TARGET__: JSON.stringify(real ? apiUrl : 'the embedded mock server'),
    },
    plugins: real ? [] : [mockTokenServer(mock ?? { accessTokenLifetime: tokenLifetime })],
    build: {
      rollupOptions: {
        // TanStack Query and @fx-auth/react mark their modules "use client" for React Server
        // Components; a SPA ignores it. zod 4.5+ places two /* @__PURE__ */ notes where Rollup cannot
        // use them (it drops the comments; the code is the same).
        onwarn(warning, warn) {
          // (Rollup's attempt to place the directive note in @fx-auth/react's source fails first.)
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/') === true) return;
          warn(warning);
        },
      },
    },
    server: real ? { proxy: { [FX_PATHS]: { target: apiUrl, changeOrigin: true } } } : {},
  };
}
