/**
 * Summarises a V8 .cpuprofile (from `CPU_PROF=1 bench/profile-webhook.ts`) by self time: samples grouped into the
 * parts of the stack docs/benchmarks.md names (pg protocol, TypeORM, Nest/Express, telegraf, JSON, the parser,
 * logging, …), as % of the busy samples (idle left out), then the top functions. `--last S` keeps only the last S
 * seconds of the profile (the load window: profile-webhook.ts loads for PROFILE_SECONDS, waits 1.5 s, then stops the
 * app), so start-up (module loading, migrations) is left out.
 *   node -r ts-node/register/transpile-only bench/profile-summary.ts profiles/CPU.….cpuprofile [topN] [--last S]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The group a function belongs to, by where its code lives (first match wins). */
const GROUPS: Array<[string, (url: string, fn: string) => boolean]> = [
  ['idle', (u, f) => f === '(idle)'],
  ['garbage collection', (u, f) => f === '(garbage collector)'],
  ['V8/runtime outside JS ((program))', (u, f) => f === '(program)'],
  [
    'socket writes (writev/writeBuffer, native)',
    (u, f) => !u && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f),
  ],
  ['JSON.parse / JSON.stringify (native)', (u, f) => !u && /^(parse|stringify)$/.test(f)],
  [
    'pg + pg-protocol + pg-pool',
    (u) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(u),
  ],
  ['TypeORM (query building, hydration)', (u) => /node_modules\/typeorm\//.test(u)],
  [
    'Nest + Express routing, middleware, body parsing, helmet',
    (u) =>
      /node_modules\/(@nestjs|express|body-parser|router|raw-body|helmet|path-to-regexp|on-finished|finalhandler|qs|type-is|content-type|iconv-lite|depd|send|serve-static|cookie|accepts|negotiator|mime-types|media-typer|statuses|http-errors|utils-merge|parseurl|encodeurl|etag|fresh|range-parser|vary|setprototypeof|merge-descriptors|reflect-metadata|class-transformer|class-validator|rxjs|@nest-lab|passport)\//.test(
        u,
      ),
  ],
  [
    'telegraf + nestjs-telegraf + node-fetch (the reply)',
    (u) =>
      /node_modules\/(telegraf|nestjs-telegraf|node-fetch|abort-controller|whatwg-url|tr46|webidl-conversions|sandwich-stream|p-timeout|debug|mri|safe-compare)\//.test(
        u,
      ),
  ],
  ['logging (app logger, TypeORM logger)', (u) => /dist\/(common\/logging|database\/typeorm-logger)/.test(u)],
  ['the phrase parser (dist/modules/nlu)', (u) => /dist\/modules\/nlu\//.test(u)],
  ['OvozPay, other app code (dist/)', (u) => /\/dist\//.test(u)],
  ['other node_modules', (u) => /node_modules\//.test(u)],
  ['Node internals (net, http, streams, timers)', (u) => u.startsWith('node:')],
  ['other native / builtins', () => true],
];

function groupOf(url: string, fn: string): string {
  return GROUPS.find(([, test]) => test(url, fn))![0];
}

function main(): void {
  const argv = process.argv.slice(2);
  const lastAt = argv.indexOf('--last');
  const lastS = lastAt >= 0 ? Number(argv.splice(lastAt, 2)[1]) : Infinity;
  const [file, top = '25'] = argv;
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [topN]');
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const total = p.timeDeltas.reduce((a, b) => a + b, 0);
  let t = 0;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    if (total - t > lastS * 1e6) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The first caller whose code is a package or the app (for native leaves such as writev): who asked for it. */
  const callerGroup = (id: number): string => {
    for (let cur = parent.get(id); cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName } = byId.get(cur)!.callFrame;
      if (/node_modules\/|\/dist\//.test(url)) return groupOf(url, functionName);
    }
    return 'Node internals only (e.g. the HTTP server answering)';
  };
  const writesBy = new Map<string, number>();
  let writes = 0;
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const g = groupOf(url, functionName);
    if (g === 'idle') {
      idle += us;
      continue;
    }
    busy += us;
    groups.set(g, (groups.get(g) ?? 0) + us);
    if (g.startsWith('socket writes')) {
      const by = callerGroup(id);
      writesBy.set(by, (writesBy.get(by) ?? 0) + us);
      writes += us;
    }
    const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
    const key = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const out: string[] = [
    `${file}: ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle (${((100 * idle) / (busy + idle)).toFixed(0)} % idle)`,
    '',
    '| group (self time) | % of busy samples |',
    '|---|---|',
    ...[...groups].sort((a, b) => b[1] - a[1]).map(([g, us]) => `| ${g} | ${pct(us)} |`),
    '',
    '| socket writes, by who wrote | % of busy samples |',
    '|---|---|',
    ...[...writesBy].sort((a, b) => b[1] - a[1]).map(([g, us]) => `| ${g} | ${pct(us)} |`),
    `| (all socket writes) | ${pct(writes)} |`,
    '',
    '| function (self time) | % of busy samples |',
    '|---|---|',
    ...[...fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(top))
      .map(([f, us]) => `| \`${f}\` | ${pct(us)} |`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
