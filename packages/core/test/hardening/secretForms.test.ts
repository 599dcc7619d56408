import { describe, expect, it } from 'vitest';
import { sanitizeCause, scrubSecrets } from '../../src/http/secrets.js';

const PASSWORD = 'my pass!word "q" \\ é&=?';

describe('secrets in low-level failures', () => {
  it.each([
    ['raw', PASSWORD],
    ['encoded as a URI component', encodeURIComponent(PASSWORD)],
    ['encoded as a form', encodeURIComponent(PASSWORD).replace(/%20/g, '+')],
    ['encoded by URLSearchParams', new URLSearchParams({ p: PASSWORD }).toString().slice(2)],
    ['escaped in JSON', JSON.stringify(PASSWORD).slice(1, -1)],
  ])('should scrub a password written %s', (_how, written) => {
    expect(scrubSecrets(`rejected: password=${written}; done`, [PASSWORD])).not.toContain(written);
  });

  it('should scrub a secret holding a lone surrogate without throwing', () => {
    const odd = 'pw\uD800x';

    expect(scrubSecrets(`password=${odd} and ${encodeURIComponent(odd.toWellFormed())}`, [odd])).not.toMatch(/pw/);
  });

  it('should scrub the query and the credentials of any URL', () => {
    const scrubbed = scrubSecrets('at https://svc:S3CR3T@api.test/token?client_secret=x y', []);

    expect(scrubbed).not.toMatch(/S3CR3T|client_secret/);
  });

  it('should keep a cause name only when it is an identifier', () => {
    const odd = new Error('failed');
    odd.name = `ProxyError[?password=${PASSWORD}]`;
    const plain = new TypeError('fetch failed');

    expect(sanitizeCause(odd, []).name).toBe('Error');
    expect(sanitizeCause(plain, []).name).toBe('TypeError');
  });
});
