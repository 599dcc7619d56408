import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a package costs an app: its entry bundled with its dependencies, minified. */
export interface BundleMeasure {
  minified: number;
  gzipped: number;
  /** The files with code in the bundle (tree-shaken ones left out). */
  inputs: string[];
  code: string;
}

/**
 * Bundles `entry` as an app would (browser, ESM, minified, tree-shaken) with every dependency
 * except `external` ones (peers), and measures it.
 */
export async function measureBundle(entry: string, external: string[] = []): Promise<BundleMeasure> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@fx-auth/source'],
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return {
    minified: Buffer.byteLength(code),
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    ),
    code,
  };
}
