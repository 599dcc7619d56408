import type { StampedeResult } from './concurrency.js';
import { warmUpCycles, type MemoryResult } from './memory.js';
import type { RenderCount } from './renders.js';
import type { HotPathRate, RequestRate } from './requests.js';
import { bytesByArea, type SizeMeasure } from './size.js';

export interface BenchResults {
  machine: string;
  node: string;
  date: string;
  sizes: { fx: SizeMeasure[]; peers: SizeMeasure[] };
  requests: RequestRate[];
  hotPath: HotPathRate[];
  stampede: StampedeResult[];
  renders: RenderCount[];
  memory: MemoryResult;
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
const whole = (value: number): string => Math.round(value).toLocaleString('en-US');

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** RESULTS.md: every table, with the machine, Node version and date they were measured on. */
export function toMarkdown(results: BenchResults): string {
  const sizeRows = (measures: readonly SizeMeasure[]) =>
    measures.map((size) => [size.name, kB(size.minified), kB(size.gzip), kB(size.brotli)]);
  const allIn = results.sizes.fx[0]!;
  const badgateway = results.hotPath.find((rate) => rate.name.includes('badgateway'))?.perSecond;
  return `# fx-auth benchmarks

Written by \`pnpm bench\` (\`bench/\`) on ${results.date}: ${results.machine}, Node ${results.node}.
Sizes are deterministic; rates vary from run to run and machine to machine: compare the ratios.

![Bundle sizes, min + gzip](./sizes.svg)

## Bundle size

esbuild (minified ESM for browsers, tree-shaken, \`NODE_ENV=production\`); react, react-dom and
@tanstack/react-query left out (an app has them). kB = 1,000 bytes.

${table(['fx-auth', 'min kB', 'gzip kB', 'brotli kB'], sizeRows(results.sizes.fx))}

${table(['Peer', 'min kB', 'gzip kB', 'brotli kB'], sizeRows(results.sizes.peers))}

Where the minified bytes of "${allIn.name}" go (gzip compresses the whole, not the parts):

${table(
  ['part', 'min kB', 'share'],
  bytesByArea(allIn).map(([area, bytes]) => [area, kB(bytes), `${Math.round((100 * bytes) / allIn.minified)} %`]),
)}

## Per-request overhead

Sequential GET calls with the JSON body read, on loopback (Node's fetch for every contender; axios on
its fetch adapter), the contenders taking turns round by round; median round.

${table(
  ['Contender', 'requests/s', 'ratio to bare ky'],
  results.requests.map((rate) => [rate.name, whole(rate.perSecond), rate.ratio.toFixed(3)]),
)}

## Getting the token (hot path)

The token with a fresh one kept, awaited call after call; median round.

${table(
  ['Library', 'calls/s', 'ratio to badgateway'],
  results.hotPath.map((rate) => [
    rate.name,
    whole(rate.perSecond),
    badgateway ? (rate.perSecond / badgateway).toFixed(2) : '—',
  ]),
)}

## Many callers at expiry

Callers that each call the API at once, just after it started to refuse their token (401).

${table(
  ['Library', 'callers', 'token requests', 'failed calls'],
  results.stampede.map((run) => [run.name, String(run.callers), String(run.tokenRequests), String(run.failures)]),
)}

## React renders per refresh

A component that uses the hook and renders what it reads, under \`<AuthProvider>\`; FreightExchange
refreshes, each awaited and settled.

${table(
  ['Hook', 'renders per refresh'],
  results.renders.map((count) => [count.hook, count.rendersPerRefresh.toFixed(2)]),
)}

## Memory over refresh cycles

${whole(results.memory.cycles)} refreshes one after another (each a real token request to a server in
another process, after ${whole(warmUpCycles(results.memory.cycles))} more to warm up), then as many bare \`fetch\` calls of the same token request (what Node's own HTTP
client keeps); heap in use after a full GC at ten checkpoints, growth as their least-squares slope.
Sessions of the last ${whole(results.memory.watchedSessions)} refreshes still reachable after the last GC: **${results.memory.sessionsAlive}**${results.memory.sessionsAlive === 1 ? ' (the current one)' : ''}.

${table(
  ['run', 'after warm-up', 'at the end', 'growth per cycle'],
  results.memory.runs.map((run) => [
    run.name,
    `${kB(run.heapAfterWarmUp)} kB`,
    `${kB(run.heapAtEnd)} kB`,
    `${run.growthPerCycle.toFixed(1)} B`,
  ]),
)}
`;
}

/** A horizontal bar chart of gzipped sizes, fx-auth's bars first, for the README. */
export function toSvg(results: BenchResults): string {
  const bars = [
    ...results.sizes.fx.filter((size) => !size.name.includes('only')).map((size) => ({ ...size, ours: true })),
    ...results.sizes.peers.map((size) => ({ ...size, ours: false })),
  ];
  const [left, barArea, row, top] = [300, 380, 26, 40];
  const largest = Math.max(...bars.map((bar) => bar.gzip));
  const height = top + bars.length * row + 20;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = bars.map((bar, index) => {
    const y = top + index * row;
    const width = Math.max(1, Math.round((bar.gzip / largest) * barArea));
    return [
      `<text x="${left - 8}" y="${y + 16}" text-anchor="end">${escape(bar.name)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${width}" height="16" fill="${bar.ours ? '#1f6feb' : '#8c959f'}"/>`,
      `<text x="${left + width + 6}" y="${y + 16}">${kB(bar.gzip)} kB</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + barArea + 80}" height="${height}" font-family="system-ui, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" font-size="15" font-weight="600">Bundle size, min + gzip (react, react-dom, TanStack Query left out)</text>
${rows.join('\n')}
</svg>
`;
}
