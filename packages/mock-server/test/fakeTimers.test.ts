import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeJwt, fxLogin, getMe, start } from './support.js';

const T0 = new Date('2026-11-21T10:00:00Z');

describe('the default clock under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should read the faked Date.now() at each use for expiry', async () => {
    const server = await start({ accessTokenLifetime: 600 });
    const body = await fxLogin(server);

    expect(body.expires_in).toBe(599);
    expect(decodeJwt(body.access_token).claims.exp).toBe(T0.getTime() / 1000 + 600);
    expect((await getMe(server, body.access_token)).status).toBe(200);

    vi.setSystemTime(T0.getTime() + 600_000);
    expect((await getMe(server, body.access_token)).status).toBe(401);
  });
});
