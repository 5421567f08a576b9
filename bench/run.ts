/**
 * npm run bench: measures and writes docs/benchmarks.md and docs/benchmarks.json (the webhook, REST, exports, voice, parser). Every figure stands beside a
 * baseline measured in the same run (machines here are shared and noisy: compare ratios, not absolute numbers).
 * Needs DATABASE_URL (a PostgreSQL database whose name contains "test"; the bench creates and drops its own).
 * BENCH_SCALE=quick (5 s runs, 20,000-row user) or full (default: 30 s, 100,000 rows); BENCH_DURATION_S overrides.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { exportMarkdown, runExportBench, type ExportBenchResult } from './export.bench';
import { evaluate, type EvalReport } from './nlu-eval';
import { runParserBench } from './parser.bench';
import { fmt } from './stats';
import { LoadResult } from './load';
import { runSystemBench, scaleFromEnv, SystemBenchResult } from './system.bench';
import { runVoiceBench, voiceMarkdown, VoiceBenchResult } from './voice.bench';
import { assertTestDatabaseUrl } from '../test/helpers/test-database';

const USAGE = `Usage: npm run bench [-- --help]

Measures the webhook, REST, exports, voice and the phrase parser, each beside a baseline from the same run, and
writes docs/benchmarks.md and docs/benchmarks.json. Builds dist/ first when it is stale.

Environment:
  DATABASE_URL        required: a PostgreSQL server URL whose database name contains "test"
                      (e.g. postgres://postgres@127.0.0.1:5432/test); the bench creates and drops its own test_* database
  BENCH_SCALE         quick (5 s runs, 20,000-row user) or full (default: 30 s runs, 100,000 rows)
  BENCH_DURATION_S    length of each load run in seconds (overrides BENCH_SCALE)
  BENCH_LOG_LEVEL     the app's LOG_LEVEL during the run (default info)
  BENCH_NO_ANALYSIS   set: do not append docs/benchmarks-analysis.md
`;

/**
 * Before anything runs: --help prints the usage (exit 0); an unknown argument, or no usable DATABASE_URL, is refused
 * with one line (exit 2 / exit 1).
 */
function checkInvocation(argv: string[], databaseUrl: string | undefined): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (argv.length > 0) {
    process.stderr.write(`bench: unknown argument ${argv[0]}\n\n${USAGE}`);
    process.exit(2);
  }
  const refuse = (reason: string) => {
    process.stderr.write(`bench: ${reason} (npm run bench -- --help)\n`);
    process.exit(1);
  };
  if (!databaseUrl) {
    return refuse(
      'DATABASE_URL is required: a PostgreSQL server URL whose database name contains "test", e.g. postgres://postgres@127.0.0.1:5432/test',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return refuse('DATABASE_URL must be a postgres:// URL (the embedded engine cannot carry the load)');
  }
  try {
    assertTestDatabaseUrl(databaseUrl);
  } catch (error) {
    return refuse(`DATABASE_URL: ${(error as Error).message}`);
  }
}

const ms = (n: number) => `${fmt(n, 1)} ms`;
const pct = (a: number, b: number) => `${fmt((100 * a) / b, 1)} %`;
const row = (name: string, r: LoadResult, unit = '/s') =>
  `| ${name} | ${fmt(r.perSecond)}${unit} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.errors} |`;

/** The first run over the frozen held-out set, before any tuning (docs/nlu-heldout-first-run.txt). */
function firstRun(docs: string): { exact: string; category: string } {
  const text = readFileSync(join(docs, 'nlu-heldout-first-run.txt'), 'utf8');
  const exact = /Phrases exactly right: (\d+\/\d+ = [\d.]+%)/.exec(text)?.[1] ?? 'n/a';
  const category = /Category accuracy[^:]*: (\d+\/\d+ = [\d.]+%)/.exec(text)?.[1] ?? 'n/a';
  return { exact, category };
}

function share(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${n}/${d} = ${fmt((100 * n) / d, 1)}%`;
}

/** Phrase understanding: the frozen real-messages set (first run and now) and the textbook set. */
function nluMarkdown(
  heldout: EvalReport,
  textbook: EvalReport,
  first: { exact: string; category: string },
): string {
  const all = (r: EvalReport) => r.per.all ?? { n: 0, ok: 0 };
  const exact = share(all(heldout).ok, all(heldout).n);
  const category = share(heldout.catOk, heldout.catN);
  const rows = [
    'ru',
    'uz-latn',
    'uz-cyrl',
    'en',
    ...Object.keys(heldout.per)
      .filter((k) => k.startsWith('kind: '))
      .sort(),
  ]
    .filter((k) => heldout.per[k] !== undefined)
    .map((k) => `| ${k.replace('kind: ', '')} | ${share(heldout.per[k].ok, heldout.per[k].n)} |`)
    .join('\n');
  return `## Phrase understanding

\`test/fixtures/nlu/real_messages_heldout.jsonl\`: ${heldout.cases} real-world messages (slang, Latin-typed Russian, typos,
spoken numbers, forwarded card notifications, conversion questions, the future, saving intentions, quantity × price)
written by someone who had not read the parser and frozen before any tuning. Scored by \`bench/nlu-eval.ts --set heldout\`
(exact: intent class, item count, type, amount, currency, date and a notification's merchant; category separately).

| frozen held-out set | exactly right | category |
|---|---|---|
| first run, before tuning | ${first.exact} | ${first.category} |
| **now** | **${exact}** (target ≥ 95%) | **${category}** (target ≥ 92%) |
| textbook set (\`evaluation_phrases.jsonl\`, for regressions) | ${share(all(textbook).ok, all(textbook).n)} | ${share(textbook.catOk, textbook.catN)} |

| held-out, by language and kind | exactly right |
|---|---|
${rows}

`;
}

function markdown(
  parser: ReturnType<typeof runParserBench>,
  s: SystemBenchResult,
  voice: VoiceBenchResult,
  exports: ExportBenchResult,
  date: string,
  nlu: string,
): string {
  const w = s.webhook;
  const big = s.largeUser;
  const ratio = (a: LoadResult, b: LoadResult) => `${fmt(b.p50Ms / a.p50Ms, 2)}×`;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return `# Benchmarks

Written by \`npm run bench\` (scale: ${s.scale.name}, ${s.scale.durationMs / 1000} s runs) on ${date}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'},
${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${s.database}. The machine is shared with other jobs: absolute figures
move a lot between runs, so each one stands beside a baseline measured in the same run. The app runs as its own
process (\`node dist/main.js\`, LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}), the load generator and a fake Telegram Bot API in
another, all on loopback. Raw figures: [benchmarks.json](benchmarks.json).

## Webhook: text update → parsed → recorded → reply

${w.senders} concurrent senders (closed loop, keep-alive), each a registered user sending finance phrases. Per update the
app checks the secret, claims the update id (processed_updates), loads the user and the bot session, parses,
records the transaction, sends the reply to the fake Bot API, marks the update done.

| | throughput | p50 | p99 | errors |
|---|---|---|---|---|
${row('OvozPay webhook', w.app)}
${row('minimal bot, same load (the anchor): telegraf webhook callback on `node:http` + `pg`, one `INSERT … ON CONFLICT (update_id)` and one reply', w.minimal)}
${row('bare Node HTTP server, same POST (baseline)', w.bare)}
${row("the same 6 statements with pg alone, 32 connections (the database's limit)", w.pgAlone)}

- **OvozPay vs the minimal bot: ${pct(w.app.perSecond, w.minimal.perSecond)}** of its throughput (target ≥ 70 % and ≥ 1,000 updates/s: ${met(w.app.perSecond >= 0.7 * w.minimal.perSecond && w.app.perSecond >= 1000)}).
  The minimal bot ran right after OvozPay with the same ${w.senders} senders, phrases and fake Bot API (\`bench/minimal-bot.js\`,
  pool of 10 like the app, keep-alive to the Bot API like the app); its app CPU per update: ${fmt(w.minimalCpuMsPerUpdate, 2)} ms
  (OvozPay ${fmt(w.cpuMsPerUpdate, 2)} ms, ${fmt(w.cpuMsPerUpdate / w.minimalCpuMsPerUpdate, 1)}×). It stored ${fmt(w.minimalRows)} rows and sent
  ${fmt(w.minimalReplies)} replies for ${fmt(w.minimal.requests)} updates answered (none lost, none doubled: ${w.minimalRows === w.minimal.requests - w.minimal.errors && w.minimalReplies === w.minimalRows ? 'yes' : '**no**'}).
- The fake Bot API alone, \`sendMessage\` at a fixed ${fmt(s.botApi.rate)} calls/s (open loop from the load generator's process, where it
  runs during the bench, so the generator's own client work is in it): p50 ${fmt(s.botApi.result.p50Ms, 2)} ms, p99 ${fmt(s.botApi.result.p99Ms, 2)} ms,
  ${s.botApi.result.errors} errors; in a process of its own (\`bench/fake-bot-api-server.ts\`): p50 ${fmt(s.botApi.ownProcess.p50Ms, 2)} ms,
  p99 ${fmt(s.botApi.ownProcess.p99Ms, 2)} ms, ${s.botApi.ownProcess.errors} errors (target: well under 1 ms at 5,000 calls/s: ${met(s.botApi.ownProcess.p50Ms < 1 && s.botApi.ownProcess.p99Ms < 1)}).
- Webhook vs bare server: **${pct(w.app.perSecond, w.bare.perSecond)}** (target ≥ 40 % or ≥ 1,000 updates/s: ${met(w.app.perSecond >= 1000 || w.app.perSecond >= 0.4 * w.bare.perSecond)}).
- Webhook vs pg alone: ${pct(w.app.perSecond, w.pgAlone.perSecond)} of what the database does with the same statements.
- App process CPU per update: **${fmt(w.cpuMsPerUpdate, 2)} ms** vs ${fmt(w.bareCpuMsPerRequest, 3)} ms per request for the bare server
  (CPU time, so less sensitive to the machine's other load than the rates).
- Database transactions per update (pg_stat_database.xact_commit): ${fmt(w.commitsPerUpdate, 1)}.
- Transactions recorded by the bot during the run: ${fmt(s.recorded)}; replies sent: ${fmt(s.replies)} (also the /start and /balance replies).

## Latency at a fixed ${s.openLoop.rate} updates/s (open loop, ${s.scale.openLoopMs / 1000} s)

Requests are sent on schedule whatever the answers; latency counts from the scheduled time, so queueing shows.

| | sent | p50 | p99 | max | errors |
|---|---|---|---|---|---|
| OvozPay webhook | ${s.openLoop.app.requests} | ${ms(s.openLoop.app.p50Ms)} | ${ms(s.openLoop.app.p99Ms)} | ${ms(s.openLoop.app.maxMs)} | ${s.openLoop.app.errors} |
| bare Node HTTP server (baseline) | ${s.openLoop.bare.requests} | ${ms(s.openLoop.bare.p50Ms)} | ${ms(s.openLoop.bare.p99Ms)} | ${ms(s.openLoop.bare.maxMs)} | ${s.openLoop.bare.errors} |

p99 < 100 ms at ${s.openLoop.rate} updates/s: ${met(s.openLoop.app.p99Ms < 100)}.

## A user with ${fmt(big.rows.small)} vs ${fmt(big.rows.large)} transactions

${s.scale.latencySamples} sequential requests each (no queueing). The ratio is large / small at the median.

| | ${fmt(big.rows.small)} rows p50 / p99 | ${fmt(big.rows.large)} rows p50 / p99 | ratio |
|---|---|---|---|
| \`/balance\` (bot command through the webhook, reply included) | ${ms(big.balanceCommand.small.p50Ms)} / ${ms(big.balanceCommand.small.p99Ms)} | ${ms(big.balanceCommand.large.p50Ms)} / ${ms(big.balanceCommand.large.p99Ms)} | ${ratio(big.balanceCommand.small, big.balanceCommand.large)} |
| \`GET /api/transactions/balance/\` | ${ms(big.restBalance.small.p50Ms)} / ${ms(big.restBalance.small.p99Ms)} | ${ms(big.restBalance.large.p50Ms)} / ${ms(big.restBalance.large.p99Ms)} | ${ratio(big.restBalance.small, big.restBalance.large)} |
| \`GET /api/transactions/\` (first page, with count) | ${ms(big.restList.small.p50Ms)} / ${ms(big.restList.small.p99Ms)} | ${ms(big.restList.large.p50Ms)} / ${ms(big.restList.large.p99Ms)} | ${ratio(big.restList.small, big.restList.large)} |

Balances come from \`user_balances\` (per user and currency, kept exact by statement-level triggers on
\`transactions\`), and so does the unfiltered list's \`count\`; the page itself is an index range scan. Target: the
large/small ratio stays ≤ 1.5 — ${met([big.balanceCommand, big.restBalance, big.restList].every((r) => r.large.p50Ms / r.small.p50Ms <= 1.5))}.

## REST API

${s.rest.senders} concurrent clients, closed loop.

| | throughput | p50 | p99 | errors |
|---|---|---|---|---|
${row('POST /api/users/auth/telegram-login/ (verified init_data, new tokens each)', s.rest.login)}
${row('GET /api/transactions/ (Bearer, page of 20)', s.rest.list)}
${row('bare Node HTTP server (baseline)', s.rest.bare)}

## Memory and start-up

| | OvozPay | bare Node HTTP server |
|---|---|---|
| RSS idle after start | ${fmt(s.rss.idleMb)} MB | ${fmt(s.rss.bareIdleMb)} MB |
| RSS peak under the webhook load | **${fmt(s.rss.peakUnderLoadMb)} MB** (target < 300 MB: ${met(s.rss.peakUnderLoadMb < 300)}) | ${fmt(s.rss.barePeakMb)} MB |
| cold start to ready (spawn → first 200 from /health/, migrated database; median of 3) | ${ms([...s.coldStart.appMs].sort((a, b) => a - b)[1])} | ${ms([...s.coldStart.bareMs].sort((a, b) => a - b)[1])} |

## Phrase parser (one core, in process)

| | value |
|---|---|
| rounds (1 s each) | ${parser.rounds.map((r) => fmt(r)).join(', ')} phrases/s |
| **median** | **${fmt(parser.medianPerSecond)} phrases/s** (target ≥ 100,000: ${met(parser.medianPerSecond >= 100000)}) |
| with a never-seen word in every phrase (word cache defeated), median | ${fmt(parser.coldMedianPerSecond)} phrases/s |

${exportMarkdown(exports)}${nlu}${voiceMarkdown(voice)}`;
}

async function main(): Promise<void> {
  checkInvocation(process.argv.slice(2), process.env.DATABASE_URL);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const parser = runParserBench();
  log(`parser: ${fmt(parser.medianPerSecond)} phrases/s`);
  const docs = join(__dirname, '..', 'docs');
  const heldout = evaluate('heldout');
  const textbook = evaluate('evaluation');
  const nlu = heldout && textbook ? nluMarkdown(heldout, textbook, firstRun(docs)) : '';
  const system = await runSystemBench(scaleFromEnv(), log);
  const exports = await runExportBench(log);
  const voice = await runVoiceBench();
  log(
    `voice: update → STT request p50 ${fmt(voice.toStt.p50, 1)} ms; burst ack p95 ${fmt(voice.voiceAck.p95, 1)} ms`,
  );
  const date = new Date().toISOString();
  const analysis = process.env.BENCH_NO_ANALYSIS ? '' : readAnalysis(docs);
  writeFileSync(
    join(docs, 'benchmarks.md'),
    markdown(parser, system, voice, exports, date.slice(0, 10), nlu) + analysis,
  );
  writeFileSync(
    join(docs, 'benchmarks.json'),
    `${JSON.stringify({ date, cpus: cpus().length, node: process.version, parser, nlu: heldout && { heldout: { per: heldout.per, catN: heldout.catN, catOk: heldout.catOk } }, system, exports, voice }, null, 2)}\n`,
  );
  log('wrote docs/benchmarks.md and docs/benchmarks.json');
}

/** The hand-written part (profile, before/after, remaining gap) lives in docs/benchmarks-analysis.md and is appended. */
function readAnalysis(docs: string): string {
  try {
    return `\n${readFileSync(join(docs, 'benchmarks-analysis.md'), 'utf8')}`;
  } catch {
    return '';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
