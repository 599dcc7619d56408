import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from './cors.js';
import { playFault } from './faults.js';
import { later } from './later.js';
import { readRequest } from './readRequest.js';
import { respond } from './respond.js';
import { resolveOptions } from './resolveOptions.js';
import { freightExchangeToken } from './routes/freightExchange.js';
import { jsonLoginAuthenticate, jsonLoginRefresh } from './routes/jsonLogin.js';
import { me } from './routes/me.js';
import { notFound } from './routes/notFound.js';
import { passportToken } from './routes/passport.js';
import type { Route } from './routes/RouteContext.js';
import { createTokenStore } from './tokenStore.js';
import type { Fault, MockApi, MockServerOptions, MockTokenServer, RecordedRequest } from './types.js';

const ROUTES = new Map<string, { api: MockApi; route: Route }>([
  ['/oauth/token', { api: 'fx-token', route: freightExchangeToken }],
  ['/user/token', { api: 'fx-token', route: freightExchangeToken }],
  ['/passport/oauth/token', { api: 'passport-token', route: passportToken }],
  ['/api/v1/cas/authenticate', { api: 'json-login', route: jsonLoginAuthenticate }],
  ['/api/v1/cas/refresh', { api: 'json-refresh', route: jsonLoginRefresh }],
  ['/api/me', { api: 'me', route: me }],
]);
const NOT_FOUND = { api: 'other', route: notFound } as const;
const TOKEN_APIS = new Set<MockApi>(['fx-token', 'passport-token', 'json-login', 'json-refresh']);

/**
 * Creates a mock of the FreightExchange, Passport and JSON-login token APIs (plus a protected
 * `GET /api/me`) as a request handler, without a socket: mount `handle` as Vite/connect middleware,
 * or use `startMockTokenServer` for a real server.
 *
 * @example
 * ```ts
 * // vite.config.ts: the mock inside the dev server, on the app's own origin
 * import { defineConfig } from 'vite'
 * const mock = createMockTokenServer({ accessTokenLifetime: 600 })
 * export default defineConfig({
 *   plugins: [{ name: 'mock-token-server', configureServer: (server) => void server.middlewares.use(mock.handle) }],
 * })
 * ```
 */
export function createMockTokenServer(options: MockServerOptions = {}): MockTokenServer {
  let current = resolveOptions(options);
  const tokens = createTokenStore(() => current);
  const requests: RecordedRequest[] = [];
  const faults = new Map<MockApi, Fault[]>();

  async function serve(req: IncomingMessage, res: ServerResponse, entry: { api: MockApi; route: Route }) {
    applyCors(req, res);
    const preflight = req.method === 'OPTIONS';
    const request = await readRequest(req, preflight ? 'other' : entry.api);
    requests.push(request);
    if (preflight) return respond(res, 204);
    const fault = faults.get(entry.api)?.shift();
    const answer = () => entry.route({ request, res, options: current, tokens });
    const play = () => (fault ? playFault(fault, res, answer) : answer());
    if (TOKEN_APIS.has(entry.api) && current.latency > 0) later(current.latency, play);
    else play();
  }

  return {
    handle(req, res, next) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const entry = ROUTES.get(path);
      if (entry === undefined && next) return next();
      serve(req, res, entry ?? NOT_FOUND).catch(() => {
        if (res.headersSent) res.destroy();
        else respond(res, 500, { error: 'server_error', error_description: 'Mock server failure' });
      });
    },
    requests,
    count: (api) => (api === undefined ? requests.length : requests.filter((request) => request.api === api).length),
    inject(api, fault, { times = 1 } = {}) {
      const queue = faults.get(api) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(fault);
      faults.set(api, queue);
    },
    set(changes) {
      current = resolveOptions(changes, current);
    },
    revokeAccessTokens: () => tokens.revokeAccess(),
    revokeRefreshTokens: () => tokens.revokeRefresh(),
    reset() {
      requests.length = 0;
      faults.clear();
    },
    get users() {
      return current.users;
    },
  };
}
