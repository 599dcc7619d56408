import { OAuth2Client, OAuth2Fetch } from '@badgateway/oauth2-client';
import axios, { type AxiosInstance } from 'axios';
import { createAuthRefresh } from 'axios-auth-refresh';
import ky from 'ky';
import { clientCredentials, createAuthClient, memoryStorage, type AuthClient } from '@fx-auth/core';
import type { ServerUrls } from './servers.js';

/** The Passport client of the mock server: every contender gets its tokens the same way. */
const CLIENT = { clientId: 'demo-client', clientSecret: 'demo-secret' };

/** One way of calling a JSON API with a bearer token, as an app would write it. */
export interface Contender {
  name: string;
  /** Gets a first token (not measured). */
  start(): Promise<void>;
  /** One API call, its JSON body read; rejects on a failure. */
  call(): Promise<unknown>;
  /** The token the next call sends. */
  token(): Promise<string | undefined>;
  /** The hot path: the token, from whatever the library keeps (absent for libraries without one). */
  getToken?: () => Promise<string>;
  close(): void;
}

export function fxAuth(urls: ServerUrls): Contender & { client: AuthClient<void> } {
  const client = createAuthClient({
    provider: clientCredentials({ tokenUrl: `${urls.token}/passport/oauth/token`, ...CLIENT }),
    storage: memoryStorage(),
    authorizedOrigins: [urls.api],
  });
  return {
    name: 'fx-auth client.ky',
    client,
    start: async () => {
      await client.login();
    },
    call: () => client.ky.get(`${urls.api}/data`).json(),
    token: async () => client.getSnapshot().session?.accessToken,
    getToken: () => client.getAccessToken(),
    close: () => client.destroy(),
  };
}

/** Fetches a client-credentials token with plain fetch: what the hand-written contenders use. */
export async function passportToken(urls: ServerUrls): Promise<string> {
  const response = await fetch(`${urls.token}/passport/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${CLIENT.clientId}:${CLIENT.clientSecret}`)}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

export function bareKy(urls: ServerUrls): Contender {
  return {
    name: 'bare ky (no token)',
    start: async () => undefined,
    call: () => ky.get(`${urls.api}/data`).json(),
    token: async () => undefined,
    close: () => undefined,
  };
}

export function kyWithHook(urls: ServerUrls): Contender {
  let token = '';
  const api = ky.create({
    hooks: {
      beforeRequest: [
        (request) => {
          request.headers.set('Authorization', `Bearer ${token}`);
        },
      ],
    },
  });
  return {
    name: 'ky + hand-written bearer hook',
    start: async () => void (token = await passportToken(urls)),
    call: () => api.get(`${urls.api}/data`).json(),
    token: async () => token,
    close: () => undefined,
  };
}

export function badgateway(urls: ServerUrls): Contender {
  const client = new OAuth2Client({
    server: urls.token,
    tokenEndpoint: '/passport/oauth/token',
    ...CLIENT,
  });
  const wrapper = new OAuth2Fetch({ client, getNewToken: () => client.clientCredentials() });
  return {
    name: '@badgateway/oauth2-client OAuth2Fetch',
    start: async () => {
      await wrapper.getToken();
    },
    call: async () => {
      const response = await wrapper.fetch(`${urls.api}/data`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    },
    token: async () => (await wrapper.getToken()).accessToken,
    getToken: async () => (await wrapper.getToken()).accessToken,
    close: () => undefined,
  };
}

export function axiosAuthRefresh(urls: ServerUrls): Contender {
  let token = '';
  // The fetch adapter: the same transport as the others (axios's default in Node is its http adapter).
  const api: AxiosInstance = axios.create({ adapter: 'fetch' });
  api.interceptors.request.use((config) => {
    config.headers.set('Authorization', `Bearer ${token}`);
    return config;
  });
  createAuthRefresh(api, async () => {
    token = await passportToken(urls);
  });
  return {
    name: 'axios + axios-auth-refresh',
    start: async () => void (token = await passportToken(urls)),
    call: async () => (await api.get(`${urls.api}/data`)).data as unknown,
    token: async () => token,
    close: () => undefined,
  };
}
