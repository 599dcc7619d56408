import { generateKeyPairSync } from 'node:crypto';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import { startHttpServer } from '../support.js';

/** A client registered with the provider. */
export interface OidcClient {
  id: string;
  secret: string;
  method: 'client_secret_basic' | 'client_secret_post';
  scope?: string;
}

/** The in-memory storage oidc-provider asks for (its own quick-start one warns on every start). */
function memoryAdapter(): new (name: string) => Adapter {
  const stored = new Map<string, AdapterPayload>();
  return class MemoryAdapter implements Adapter {
    constructor(private readonly name: string) {}
    private key = (id: string): string => `${this.name}:${id}`;
    async upsert(id: string, payload: AdapterPayload): Promise<void> {
      stored.set(this.key(id), payload);
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      return stored.get(this.key(id));
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async findByUid(): Promise<undefined> {
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const payload = stored.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      stored.delete(this.key(id));
    }
    async revokeByGrantId(): Promise<void> {}
  };
}

/**
 * `oidc-provider` 8 (panva's OpenID Certified server, not ours) on 127.0.0.1: client credentials
 * at `/token`, introspection (RFC 7662) and revocation (RFC 7009), and `GET /api/me`, a protected
 * endpoint that checks the bearer token through the introspection endpoint.
 */
export async function startOidcProvider(clients: OidcClient[], accessTokenSeconds = 600) {
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  let tokenRequests = 0;
  const introspector = clients[0]!;
  const server = await startHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/token') tokenRequests += 1;
    if (path !== '/api/me') return void provider.callback()(request, response);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    void fetch(`${server.url}/token/introspection`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: introspector.id, client_secret: introspector.secret }),
    })
      .then((answer) => answer.json() as Promise<{ active: boolean; client_id?: string }>)
      .then(({ active, client_id }) => {
        response.writeHead(active ? 200 : 401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(active ? { client: client_id } : { error: 'invalid_token' }));
      });
  });
  const provider = new Provider(server.url, {
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...key, kid: 'interop', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['interop-cookie-key'] },
    clients: clients.map(({ id, secret, method, scope }) => ({
      client_id: id,
      client_secret: secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: method,
      ...(scope === undefined ? {} : { scope }),
    })),
    scopes: ['read', 'write'],
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async () => true }, // every registered client may introspect
      revocation: { enabled: true },
      devInteractions: { enabled: false },
    },
    ttl: { ClientCredentials: accessTokenSeconds },
  });
  return { url: server.url, close: server.close, tokenRequests: () => tokenRequests };
}
