// A stranger's first steps, on the packed tarballs (no workspace links): install @fx-auth/core,
// @fx-auth/react, @fx-auth/devtools, @fx-auth/testing and @fx-auth/mock-server with npm into a fresh Vite + React + TypeScript app,
// type-check it with the oldest supported and the latest TypeScript (bundler and node16
// resolution), build it, start the mock with its command, and log in, see the profile and log out
// in Chromium. Before that, publint --strict and attw check each tarball. Run after `pnpm -r build`
// (`pnpm test:packages`); FX_KEEP_CONSUMER=1 keeps the app for a look.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OLDEST_TYPESCRIPT = '5.4';
const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const work = mkdtempSync(join(tmpdir(), 'fx-auth-consumer-'));
const app = join(work, 'app');
const children = [];
// A hang (a server that never prints, a page that never loads) fails the run rather than holding CI.
setTimeout(() => {
  console.error('consumer: gave up after 15 minutes');
  process.exit(1);
}, 15 * 60_000).unref();

// Run under pnpm, the environment carries pnpm's own settings, which npm warns about: not passed on.
const PNPM_ONLY = /^npm_config_(verify_deps_before_run|npm_globalconfig|_jsr_registry|package_extensions)$/i;
const env = Object.fromEntries(Object.entries({ ...process.env, CI: 'true' }).filter(([key]) => !PNPM_ONLY.test(key)));

const step = (text) => console.log(`consumer: ${text}`);
function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
}
function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
/** Starts `command` and resolves once its output shows `ready` (the server's own line). */
function startUntil(command, args, cwd, ready) {
  return new Promise((done, fail) => {
    // A process group of its own: stopping it stops what it started too (Vite's esbuild).
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.push(child);
    let seen = '';
    const look = (chunk) => {
      seen += chunk;
      if (ready.test(seen)) done(seen);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('exit', (code) => fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${seen}`)));
  });
}

try {
  step('packing the packages');
  const tarballs = join(work, 'tarballs');
  for (const name of ['core', 'react', 'devtools', 'testing', 'mock-server']) {
    execFileSync('npx', ['--yes', 'pnpm@10', 'pack', '--pack-destination', tarballs], {
      cwd: join(repo, 'packages', name),
      env,
    });
  }
  step('publint --strict and attw (ESM-only profile) on each tarball');
  for (const file of readdirSync(tarballs)) {
    run('npx', ['publint', 'run', join(tarballs, file), '--strict'], repo);
    run('npx', ['attw', join(tarballs, file), '--profile', 'esm-only', '--format', 'table-flipped'], repo);
  }
  const tarball = (name) =>
    join(
      tarballs,
      readdirSync(tarballs).find((file) => file.startsWith(`fx-auth-${name}-`)),
    );

  step('a new Vite + React + TypeScript app, installed with npm');
  cpSync(join(repo, 'tests/consumer/app'), app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: {
          '@fx-auth/core': `file:${tarball('core')}`,
          '@fx-auth/react': `file:${tarball('react')}`,
          '@tanstack/react-query': '^5',
          react: '^19',
          'react-dom': '^19',
        },
        devDependencies: {
          '@fx-auth/devtools': `file:${tarball('devtools')}`,
          '@fx-auth/mock-server': `file:${tarball('mock-server')}`,
          '@fx-auth/testing': `file:${tarball('testing')}`,
          '@types/node': '^20',
          '@types/react': '^19',
          '@types/react-dom': '^19',
          '@vitejs/plugin-react': '^5',
          typescript: `~${OLDEST_TYPESCRIPT}.0`,
          'typescript-latest': 'npm:typescript@latest',
          vite: '^7',
        },
      },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);

  for (const typescript of ['typescript', 'typescript-latest']) {
    for (const resolution of ['bundler', 'node16']) {
      const tsc = join(app, 'node_modules', typescript, 'bin', 'tsc');
      const version = execFileSync('node', [tsc, '--version'], { cwd: app, env }).toString().trim();
      step(`type-checking with ${version}, moduleResolution ${resolution}`);
      run('node', [tsc, '-p', `tsconfig.${resolution}.json`], app);
    }
  }

  step("require('@fx-auth/core') from CommonJS (Node's require(esm))");
  run(
    'node',
    ['-e', "const core = require('@fx-auth/core'); if (typeof core.createAuthClient !== 'function') process.exit(1)"],
    app,
  );

  step('starting the mock with its command, building and serving the app');
  const [mockPort, appPort] = [await freePort(), await freePort()];
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  const printed = await startUntil(
    join(app, 'node_modules/.bin/fx-auth-mock-server'),
    ['--port', String(mockPort)],
    app,
    /Press Ctrl\+C/,
  );
  if (!printed.includes(`${mockUrl}/oauth/token`) || !printed.includes('demo / demo')) {
    throw new Error(`The mock did not print its URLs and users:\n${printed}`);
  }
  execFileSync('npx', ['vite', 'build'], {
    cwd: app,
    stdio: 'inherit',
    env: { ...env, VITE_MOCK_URL: mockUrl },
  });
  const built = readdirSync(join(app, 'dist/assets')).filter((file) => file.endsWith('.js'));
  if (built.some((file) => readFileSync(join(app, 'dist/assets', file), 'utf8').includes('Token lifecycle events'))) {
    throw new Error("The devtools panel's code is in the production build");
  }
  const appUrl = `http://127.0.0.1:${appPort}`;
  await startUntil(
    join(app, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'],
    app,
    /127\.0\.0\.1/,
  );

  step('logging in, seeing the profile and logging out in Chromium');
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome'].find(
    (path) => path && existsSync(path),
  );
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(appUrl);
    await page.waitForLoadState('load');
    if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    await page.getByLabel('Username').fill('demo');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Demo User' }).waitFor();
    await page.getByTestId('company').filter({ hasText: 'Demo Freight Ltd' }).waitFor();
    await page.getByTestId('me').filter({ hasText: 'demo' }).waitFor(); // client.ky sent the token
    // The events reached the app; the devtools, from their main entry, are not in a production build.
    if (!(Number(await page.locator('body').getAttribute('data-fx-events')) >= 4)) throw new Error('no events');
    if ((await page.getByRole('region', { name: 'fx-auth devtools' }).count()) !== 0) {
      throw new Error('The devtools panel showed in a production build');
    }
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
  }
  step('all good');
} finally {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (process.env.FX_KEEP_CONSUMER) console.log(`consumer: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
