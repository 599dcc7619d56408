import type { RunningMockTokenServer } from '../types.js';

/** What the command prints once the server listens: its endpoints, clients and users. */
export function describeServer(server: RunningMockTokenServer, lifetime: number): string {
  const { url } = server;
  const users = server.users.map(({ username, password }) => `  ${username} / ${password}`).join('\n');
  return `fx-auth mock token server on ${url} (access tokens live ${lifetime} s)

  FreightExchange  POST ${url}/oauth/token
                   client freightexchange / secret, parameters in the query or a form body
  Passport         POST ${url}/passport/oauth/token
                   client demo-client / demo-secret (Basic)
  JSON login       POST ${url}/api/v1/cas/authenticate
                   refresh at ${url}/api/v1/cas/refresh
  Protected API    GET  ${url}/api/me

Users (username / password):
${users}

Press Ctrl+C to stop.
`;
}
