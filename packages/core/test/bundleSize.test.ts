import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../../tools/measureBundle.js';

/**
 * The ceiling stated in the README: @fx-auth/core with ky and zod/mini, minified and gzipped. It was
 * 18 KiB until the session lifecycle became an explicit state machine shared by tabs (+4.6 kB), 22 KiB
 * until the hardening against broken endpoints, storages and options (+1.6 kB). Issue 12 cuts it.
 */
const CEILING_GZIP_BYTES = 25 * 1024;

describe('@fx-auth/core bundle', () => {
  it(`should stay under ${CEILING_GZIP_BYTES} bytes gzipped, dependencies included`, async () => {
    const bundle = await measureBundle(fileURLToPath(new URL('../src/index.ts', import.meta.url)));

    expect(bundle.gzipped).toBeLessThan(CEILING_GZIP_BYTES);
  });

  it('should use zod/mini only: no classic zod, no locales', async () => {
    const bundle = await measureBundle(fileURLToPath(new URL('../src/index.ts', import.meta.url)));

    expect(bundle.inputs.some((input) => input.includes('zod/v4/mini'))).toBe(true);
    expect(bundle.inputs.filter((input) => /zod\/v4\/(classic|locales)|zod\/v3/.test(input))).toEqual([]);
  });
});
