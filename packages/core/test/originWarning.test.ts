import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/client/originWarning.ts', import.meta.url));

/**
 * The warning bundled as a browser app's bundler would (with `define` for a production build),
 * then run where a page runs: no `process`. Returns what it printed for a request to another origin.
 */
async function warningsInABrowserBundle(define: Record<string, string>): Promise<string[]> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'bundle',
    platform: 'browser',
    define,
    write: false,
    logLevel: 'silent',
  });
  const printed: string[] = [];
  const page = { console: { warn: (message: string) => printed.push(message) }, URL };
  runInNewContext(
    `${outputFiles[0]!.text}; bundle.createOriginWarning(['https://api.example'])('http://localhost:3000/x')`,
    page,
  );
  return printed;
}

describe('the origin warning in an app bundle', () => {
  it('should be silent in a production build (process.env.NODE_ENV replaced, no process at run time)', async () => {
    expect(await warningsInABrowserBundle({ 'process.env.NODE_ENV': '"production"' })).toEqual([]);
  });

  it('should warn in a development build, and on a page without a bundler (no process at all)', async () => {
    expect(await warningsInABrowserBundle({ 'process.env.NODE_ENV': '"development"' })).toHaveLength(1);
    const [message] = await warningsInABrowserBundle({});
    expect(message).toContain('a request to http://localhost:3000 went without the token');
  });
});
