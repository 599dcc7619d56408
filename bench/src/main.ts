// `pnpm bench`: fx-auth and its peers side by side, in one run. Prints the tables and writes
// bench/RESULTS.md and bench/sizes.svg. `--quick` runs every part with small counts (a smoke run).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureStampede } from './concurrency.js';
import { axiosAuthRefresh, badgateway, bareKy, fxAuth, kyWithHook, passportToken } from './contenders.js';
import { measureRefreshMemory } from './memory.js';
import { measureRenders } from './renders.js';
import { toMarkdown, toSvg, type BenchResults } from './report.js';
import { measureHotPath, measureRequestRates } from './requests.js';
import { startServers } from './serverProcess.js';
import { FX_ENTRIES, measureSize, PEER_ENTRIES } from './size.js';

const quick = process.argv.includes('--quick');
const counts = quick
  ? { rounds: 3, calls: 50, hotRounds: 3, hotCalls: 1_000, callers: 100, refreshes: 3, cycles: 200 }
  : { rounds: 21, calls: 1_000, hotRounds: 15, hotCalls: 400_000, callers: 1_000, refreshes: 20, cycles: 10_000 };
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const step = (what: string) => console.log(`… ${what}`);

step('bundle sizes');
const sizes = {
  fx: await Promise.all(FX_ENTRIES.map((entry) => measureSize(entry, benchDir))),
  peers: await Promise.all(PEER_ENTRIES.map((entry) => measureSize(entry, benchDir))),
};

const servers = await startServers();
try {
  const { urls } = servers;
  step(`per-request overhead (${counts.rounds} rounds of ${counts.calls} calls each)`);
  const fx = fxAuth(urls);
  const contenders = [bareKy(urls), fx, kyWithHook(urls), badgateway(urls), axiosAuthRefresh(urls)];
  const requests = await measureRequestRates(contenders, { rounds: counts.rounds, calls: counts.calls });

  step(`getAccessToken() hot path (${counts.hotCalls} calls a round)`);
  const hotPath = await measureHotPath(contenders, { rounds: counts.hotRounds, calls: counts.hotCalls });
  for (const contender of contenders) contender.close();

  step(`${counts.callers} callers at expiry`);
  const stampede = [];
  for (const make of [fxAuth, badgateway, axiosAuthRefresh, kyWithHook]) {
    const contender = make(urls);
    stampede.push(await measureStampede(contender, servers, counts.callers));
    contender.close();
  }

  step(`React renders per refresh (${counts.refreshes} refreshes a hook)`);
  const renders = await measureRenders(urls.token, counts.refreshes);

  step(`memory over ${counts.cycles} refresh cycles`);
  const memoryClient = fxAuth(urls);
  await memoryClient.start();
  const memory = await measureRefreshMemory(memoryClient.client, () => passportToken(urls), counts.cycles);
  memoryClient.close();

  const results: BenchResults = {
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.versions.node,
    date: new Date().toISOString().slice(0, 10),
    sizes,
    requests,
    hotPath,
    stampede,
    renders,
    memory,
  };
  const markdown = toMarkdown(results);
  console.log(markdown);
  if (!quick) {
    writeFileSync(`${benchDir}RESULTS.md`, markdown);
    writeFileSync(`${benchDir}sizes.svg`, toSvg(results));
    console.log('Written: bench/RESULTS.md, bench/sizes.svg');
  }
} finally {
  servers.close();
}
