// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../../tools/measureBundle.js';

/** The ceiling stated in the README: @fx-auth/react alone (peers external), minified and gzipped. */
const CEILING_GZIP_BYTES = 2 * 1024;
const PEERS = ['react', 'react/jsx-runtime', 'react-dom', '@tanstack/react-query', '@fx-auth/core'];

describe('@fx-auth/react bundle', () => {
  it(`should stay under ${CEILING_GZIP_BYTES} bytes gzipped, peers excluded`, async () => {
    const bundle = await measureBundle(fileURLToPath(new URL('../src/index.ts', import.meta.url)), PEERS);

    expect(bundle.inputs.every((input) => input.startsWith('packages/react/src/'))).toBe(true);
    expect(bundle.gzipped).toBeLessThan(CEILING_GZIP_BYTES);
  });
});
