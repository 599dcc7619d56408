import { startMockTokenServer } from '../startMockTokenServer.js';
import type { RunningMockTokenServer } from '../types.js';
import { describeServer } from './describeServer.js';
import { parseCliArguments, USAGE } from './parseCliArguments.js';

/** Where the command writes. */
export interface CliOutput {
  out: (text: string) => void;
  error: (text: string) => void;
}

/**
 * Runs `fx-auth-mock-server` with `argv`: the running server, or the exit code when there is none
 * to run (0 after `--help`, 2 for a mistake, 1 when the port cannot be had).
 */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<RunningMockTokenServer | number> {
  const request = parseCliArguments(argv);
  if (request.kind === 'help') {
    output.out(USAGE);
    return 0;
  }
  if (request.kind === 'mistake') {
    output.error(`fx-auth-mock-server: ${request.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const server = await startMockTokenServer(request.options);
    output.out(describeServer(server, request.options.accessTokenLifetime ?? 3600));
    return server;
  } catch (error) {
    const { code } = error as { code?: unknown };
    output.error(
      `fx-auth-mock-server: cannot listen on ${request.options.host}:${request.options.port} (${String(code)})\n`,
    );
    return 1;
  }
}
