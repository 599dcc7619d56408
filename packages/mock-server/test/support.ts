import { Buffer } from 'node:buffer';
import { afterEach } from 'vitest';
import { startMockTokenServer, type RunningMockTokenServer, type StartMockTokenServerOptions } from '../src/index.js';

const servers: RunningMockTokenServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a mock server on 127.0.0.1 that is closed after the test. */
export async function start(options: StartMockTokenServerOptions = {}): Promise<RunningMockTokenServer> {
  const server = await startMockTokenServer(options);
  servers.push(server);
  return server;
}

/** The seed's FreightExchange client parameters. */
export const FX_CLIENT = { client_id: 'freightexchange', client_secret: 'secret' } as const;

/** `POST {path}?{query}` with no body, as the FreightExchange seed sends it. */
export function postQuery(server: { url: string }, path: string, query: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}${path}?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
  });
}

/** A password-grant login for `demo` on `/oauth/token`; resolves with the parsed JSON body. */
export async function fxLogin(
  server: { url: string },
  extra: Record<string, string> = {},
): Promise<Record<string, unknown> & { access_token: string; refresh_token: string }> {
  const response = await postQuery(server, '/oauth/token', {
    ...FX_CLIENT,
    grant_type: 'password',
    username: 'demo',
    password: 'demo',
    ...extra,
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return (await response.json()) as Record<string, unknown> & { access_token: string; refresh_token: string };
}

/** A FreightExchange refresh-token grant. */
export function fxRefresh(server: { url: string }, refreshToken: string, extra: Record<string, string> = {}) {
  return postQuery(server, '/oauth/token', {
    ...FX_CLIENT,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    ...extra,
  });
}

/** The decoded header and payload of a compact JWT (no verification). */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header = '', payload = ''] = token.split('.');
  const decode = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(header), claims: decode(payload) };
}

/** `Authorization: Basic` for an id and secret, UTF-8 encoded. */
export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
}

/** `GET /api/me` with an optional bearer token. */
export function getMe(server: { url: string }, token?: string): Promise<Response> {
  return fetch(`${server.url}/api/me`, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });
}
