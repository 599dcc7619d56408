#!/usr/bin/env node
import { runCli } from './cli/runCli.js';

const outcome = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
});
if (typeof outcome === 'number') {
  process.exitCode = outcome;
} else {
  const stop = () => void outcome.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
