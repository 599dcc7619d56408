import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a library costs an app: an entry that re-exports it, bundled as an app's bundler would. */
export interface SizeEntry {
  /** The row's name in the tables. */
  name: string;
  /** The entry module's source: what the app imports. */
  source: string;
  /** Left out of the bundle on top of the React peers (react, react-dom, @tanstack/react-query). */
  external?: readonly string[];
}

export interface SizeMeasure {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
  /** The files with code in the bundle, relative to the workspace (tree-shaken ones left out). */
  inputs: string[];
  /** Minified bytes each of those files put in the bundle. */
  bytesByInput: Record<string, number>;
}

/** The React peers every app already has: never counted. */
const REACT_PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
/** fx-auth's own dependencies, left out to measure its own code. */
export const FX_DEPENDENCIES = ['ky', 'zod', 'zod/mini'];

/** esbuild, minified ESM for browsers, tree-shaken; gzip -9 and brotli 11 of the result. */
export async function measureSize(entry: SizeEntry, resolveDir: string): Promise<SizeMeasure> {
  const result = await build({
    stdin: { contents: entry.source, resolveDir, loader: 'ts', sourcefile: `${entry.name}.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@fx-auth/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...REACT_PEERS, ...(entry.external ?? [])],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const bytesByInput = Object.fromEntries(
    Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path, input]) => [path, input.bytesInOutput] as const),
    ),
  );
  return {
    name: entry.name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    inputs: Object.keys(bytesByInput),
    bytesByInput,
  };
}

/** The parts of fx-auth's own code, by the files they are made of (first match wins). */
const AREAS: ReadonlyArray<readonly [string, RegExp]> = [
  ['checking options', /(checkOptions|readClientOptions)\.ts$/],
  ['tabs (messages, lock, wake-ups)', /client\/(tab|sharedSession|lockedStorage|watchWakeUps)/],
  ['session state machine', /core\/src\/session\//],
  ['providers', /core\/src\/providers\//],
  ['token requests and answers', /core\/src\/http\//],
  ['storage', /core\/src\/storage\//],
  ['client (commands, refresh, client.ky)', /core\/src\//],
  ['React hooks', /react\/src\//],
];

/** Where a bundle's minified bytes go: fx-auth's own code by part (the biggest first), and the rest. */
export function bytesByArea(measure: SizeMeasure): Array<[area: string, bytes: number]> {
  const areas = new Map<string, number>();
  for (const [input, bytes] of Object.entries(measure.bytesByInput)) {
    const area = AREAS.find(([, pattern]) => pattern.test(input))?.[0] ?? 'dependencies (ky, zod)';
    areas.set(area, (areas.get(area) ?? 0) + bytes);
  }
  return [...areas].sort(([, a], [, b]) => b - a);
}

const FX_ALL = "export * from '@fx-auth/core'; export * from '@fx-auth/react';";
const CORE_ALL = "export * from '@fx-auth/core';";

/** fx-auth's own figures: the ones CI holds to ceilings (bytes are deterministic). */
export const FX_ENTRIES: readonly SizeEntry[] = [
  { name: 'fx-auth core + react, all-in', source: FX_ALL },
  { name: 'fx-auth core + react, own code', source: FX_ALL, external: FX_DEPENDENCIES },
  { name: 'fx-auth core, all-in', source: CORE_ALL },
  { name: 'fx-auth core, own code', source: CORE_ALL, external: FX_DEPENDENCIES },
  {
    name: 'fx-auth with freightExchange only',
    source: "export { createAuthClient, freightExchange, webStorage } from '@fx-auth/core';",
  },
  {
    name: 'fx-auth with clientCredentials only',
    source: "export { createAuthClient, clientCredentials, webStorage } from '@fx-auth/core';",
  },
  {
    name: 'fx-auth with jsonLogin only',
    source: "export { createAuthClient, jsonLogin, webStorage } from '@fx-auth/core';",
  },
];

/** The peers, each as an app would import it (their own dependencies bundled in). */
export const PEER_ENTRIES: readonly SizeEntry[] = [
  { name: 'react-oidc-context + oidc-client-ts', source: "export * from 'react-oidc-context';" },
  { name: '@auth0/auth0-react', source: "export * from '@auth0/auth0-react';" },
  { name: 'next-auth/react', source: "export * from 'next-auth/react';" },
  { name: 'react-oauth2-code-pkce', source: "export * from 'react-oauth2-code-pkce';" },
  { name: '@supabase/auth-js', source: "export * from '@supabase/auth-js';" },
  { name: '@badgateway/oauth2-client', source: "export * from '@badgateway/oauth2-client';" },
  {
    name: 'axios + axios-auth-refresh',
    source: "export { default as axios } from 'axios'; export { default as refresh } from 'axios-auth-refresh';",
  },
  { name: 'ky (bare)', source: "export { default } from 'ky';" },
];
