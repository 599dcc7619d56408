import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

// Without the background-networking flags Chromium keeps calling home, which this closed network
// refuses; playwright-core never downloads a browser.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system's Chromium (`CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`) headless. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));
  if (!executablePath) {
    throw new Error('No Chromium found: run `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.');
  }
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}
