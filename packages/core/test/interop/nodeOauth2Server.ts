import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import OAuth2Server from '@node-oauth/oauth2-server';
import { startHttpServer } from '../support.js';

/** A client registered with the server. */
export interface InteropClient {
  id: string;
  secret: string;
  grants: string[];
}

interface StoredToken extends OAuth2Server.Token {
  refreshToken?: string;
}

/**
 * `@node-oauth/oauth2-server` 5 (not ours: a maintained OAuth 2.0 server from npm) behind a real
 * HTTP server on 127.0.0.1, with an in-memory model: `POST /token` (password, refresh_token with
 * rotation, client_credentials) and `GET /api/me` guarded by its `authenticate()`.
 */
export async function startNodeOauth2Server(clients: InteropClient[], accessTokenLifetime = 600) {
  const tokens = new Map<string, StoredToken>(); // by access token
  const refreshTokens = new Map<string, StoredToken>(); // by refresh token
  let tokenRequests = 0;
  const findClient = (id: string, secret?: string | null) =>
    clients.find((client) => client.id === id && (secret === undefined || secret === null || client.secret === secret));

  const model: OAuth2Server.PasswordModel & OAuth2Server.RefreshTokenModel & OAuth2Server.ClientCredentialsModel = {
    getClient: async (id, secret) => findClient(id, secret) ?? false,
    getUser: async (username, password) => (username === 'demo' && password === 'demo' ? { id: 'demo' } : false),
    getUserFromClient: async (client) => ({ id: `client:${client.id}` }),
    saveToken: async (token, client, user) => {
      const saved: StoredToken = { ...token, client, user };
      tokens.set(token.accessToken, saved);
      if (token.refreshToken) refreshTokens.set(token.refreshToken, saved);
      return saved;
    },
    getAccessToken: async (accessToken) => tokens.get(accessToken) ?? false,
    getRefreshToken: async (refreshToken) => {
      const token = refreshTokens.get(refreshToken);
      return token?.refreshToken
        ? { ...token, refreshToken: token.refreshToken, client: token.client, user: token.user }
        : false;
    },
    revokeToken: async (token) => refreshTokens.delete(token.refreshToken),
    generateAccessToken: async () => `at-${randomUUID()}`,
    generateRefreshToken: async () => `rt-${randomUUID()}`,
  };
  const oauth = new OAuth2Server({ model, accessTokenLifetime, allowBearerTokensInQueryString: false });

  const handle = async (request: IncomingMessage, response: ServerResponse, text: string): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const wrapped = new OAuth2Server.Request({
      method: request.method ?? 'GET',
      headers: request.headers as Record<string, string>,
      query: Object.fromEntries(url.searchParams),
      body: Object.fromEntries(new URLSearchParams(text)),
    });
    const answer = new OAuth2Server.Response({});
    try {
      if (url.pathname === '/token') {
        tokenRequests += 1;
        await oauth.token(wrapped, answer);
      } else {
        const token = await oauth.authenticate(wrapped, answer);
        answer.status = 200;
        answer.body = { user: token.user };
      }
    } catch (error) {
      const failure = error as { code?: number; name?: string };
      answer.status = failure.code ?? 500;
      answer.body = { error: failure.name };
    }
    response.writeHead(answer.status ?? 200, { ...answer.headers, 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer.body ?? {}));
  };
  const server = await startHttpServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => void handle(request, response, text));
  });

  return {
    url: server.url,
    close: server.close,
    tokenRequests: () => tokenRequests,
    /** Revokes every access token issued so far (the protected endpoint then answers 401). */
    revokeAccessTokens: () => tokens.clear(),
    /** Revokes every refresh token issued so far. */
    revokeRefreshTokens: () => refreshTokens.clear(),
    hasRefreshToken: (refreshToken: string) => refreshTokens.has(refreshToken),
  };
}
