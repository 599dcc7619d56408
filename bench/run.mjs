// `pnpm bench`: compiles the TypeScript benchmarks with esbuild and runs them in one child process,
// with the garbage collector exposed for the memory figures. fx-auth is bundled from its sources (no
// build needed); the bench's own dependencies (the peers, React) stay imports from bench/node_modules.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const here = fileURLToPath(new globalThis.URL('.', import.meta.url));
const { devDependencies } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));
const external = Object.keys(devDependencies).filter((name) => !name.startsWith('@fx-auth/'));
await build({
  entryPoints: [`${here}src/main.ts`, `${here}src/servers.ts`],
  outdir: `${here}.out`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  conditions: ['@fx-auth/source'],
  external,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', `${here}.out/main.mjs`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: here,
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(run.status ?? 1);
