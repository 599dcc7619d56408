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

/** Options of {@link launchChromium}. */
export interface LaunchOptions {
  /** Keep Chromium's back/forward cache, which Playwright turns off by default. */
  backForwardCache?: boolean;
}

/** Launches the system's Chromium (`CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`) headless. */
export async function launchChromium({ backForwardCache = false }: LaunchOptions = {}): Promise<Browser> {
  const executablePath = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));
  if (!executablePath) {
    throw new Error('No Chromium found: run `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH.');
  }
  const ignoreDefaultArgs = backForwardCache ? ['--disable-back-forward-cache'] : [];
  return chromium.launch({ executablePath, args: ARGS, headless: true, ignoreDefaultArgs });
}
