import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import type { RunningMockTokenServer } from '../src/index.js';
import { FX_CLIENT, fxLogin, postQuery, start } from './support.js';

const running: RunningMockTokenServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Runs the command in this process, collecting what it writes. */
async function run(...argv: string[]) {
  const written = { out: '', error: '' };
  const outcome = await runCli(argv, {
    out: (text) => (written.out += text),
    error: (text) => (written.error += text),
  });
  if (typeof outcome !== 'number') running.push(outcome);
  return { outcome, ...written };
}

describe('fx-auth-mock-server (the command)', () => {
  it('should print its usage for --help and exit 0', async () => {
    const { outcome, out, error } = await run('--help');

    expect(outcome).toBe(0);
    expect(out).toContain('Usage: fx-auth-mock-server');
    expect(out).toContain('--token-lifetime');
    expect(error).toBe('');
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--token-lifetime', '0'], '--token-lifetime must be a whole number from 1'],
    [['--token-lifetime', '1.5'], '--token-lifetime must be a whole number'],
    [['--latency', '-1'], '--latency'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['serve'], 'positional'],
  ])('should refuse %j with exit code 2, saying why, and start nothing', async (argv, why) => {
    const { outcome, error, out } = await run(...argv);

    expect(outcome).toBe(2);
    expect(error).toContain(why);
    expect(error).toContain('Usage:');
    expect(out).toBe('');
  });

  it('should serve the three APIs on the port it prints, with the users and clients it lists', async () => {
    const { outcome, out } = await run('--port', '0', '--token-lifetime', '30');
    const server = outcome as RunningMockTokenServer;

    expect(out).toContain(`fx-auth mock token server on ${server.url} (access tokens live 30 s)`);
    for (const path of ['/oauth/token', '/passport/oauth/token', '/api/v1/cas/authenticate', '/api/me']) {
      expect(out).toContain(`${server.url}${path}`);
    }
    expect(out).toContain('demo / demo');
    expect(out).toContain('client freightexchange / secret');
    const answer = await fxLogin(server);
    expect(answer.expires_in).toBe(29); // Spring reports a second less
  });

  it('should take --rotate-refresh-tokens and --expires-in-as-string', async () => {
    const { outcome } = await run('--port', '0', '--rotate-refresh-tokens', '--expires-in-as-string');
    const server = outcome as RunningMockTokenServer;
    const login = await fetch(`${server.url}/api/v1/cas/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    });

    expect(((await login.json()) as { expires_in: unknown }).expires_in).toBe('3600');
    const { refresh_token } = await fxLogin(server);
    const refresh = () =>
      postQuery(server, '/oauth/token', { ...FX_CLIENT, grant_type: 'refresh_token', refresh_token });
    expect((await refresh()).status).toBe(200);
    expect((await refresh()).status).toBe(401); // spent
  });

  it('should exit 1, naming the address, when the port is taken', async () => {
    const taken = await start();
    const { outcome, error } = await run('--port', String(taken.port));

    expect(outcome).toBe(1);
    expect(error).toContain(`cannot listen on 127.0.0.1:${taken.port} (EADDRINUSE)`);
  });
});
