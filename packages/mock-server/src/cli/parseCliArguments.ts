import { parseArgs } from 'node:util';
import type { StartMockTokenServerOptions } from '../types.js';

/** What the command line asks for: help, a server, or a mistake to report. */
export type CliRequest =
  { kind: 'help' } | { kind: 'serve'; options: StartMockTokenServerOptions } | { kind: 'mistake'; message: string };

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  host: { type: 'string', default: '127.0.0.1' },
  'token-lifetime': { type: 'string' },
  'refresh-token-lifetime': { type: 'string' },
  latency: { type: 'string' },
  'rotate-refresh-tokens': { type: 'boolean' },
  'expires-in-as-string': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const USAGE = `Usage: fx-auth-mock-server [options]

Mock FreightExchange, Passport and JSON-login token servers on one port.

Options:
  --port <n>                    port to listen on, 0 for a free one (default 4010)
  --host <host>                 host to listen on (default 127.0.0.1)
  --token-lifetime <s>          access-token lifetime in seconds (default 3600)
  --refresh-token-lifetime <s>  refresh-token lifetime in seconds (default 2592000)
  --latency <ms>                wait before answering each token request (default 0)
  --rotate-refresh-tokens       spend each refresh token when it is used
  --expires-in-as-string        JSON login answers "expires_in":"3600"
  -h, --help                    show this
`;

/** A whole number from `min` to `max`, or `undefined` when `text` is not one. */
function wholeNumber(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** Reads `argv` (without `node` and the script). Never throws: a mistake comes back as one. */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { kind: 'mistake', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const options: StartMockTokenServerOptions = { host: values.host };
  const numbers = [
    ['port', values.port, 0, 65_535, 'port'],
    ['token-lifetime', values['token-lifetime'], 1, 31_536_000, 'accessTokenLifetime'],
    ['refresh-token-lifetime', values['refresh-token-lifetime'], 1, 31_536_000, 'refreshTokenLifetime'],
    ['latency', values.latency, 0, 60_000, 'latency'],
  ] as const;
  for (const [flag, text, min, max, key] of numbers) {
    if (text === undefined) continue;
    const value = wholeNumber(text, min, max);
    if (value === undefined)
      return { kind: 'mistake', message: `--${flag} must be a whole number from ${min} to ${max}` };
    options[key] = value;
  }
  if (values['rotate-refresh-tokens']) options.rotateRefreshTokens = true;
  if (values['expires-in-as-string']) options.jsonExpiresInAsString = true;
  return { kind: 'serve', options };
}
