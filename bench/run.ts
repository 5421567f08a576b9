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
import {
  Effects,
  exactlyOnce,
  runSystemBench,
  scaleFromEnv,
  SystemBenchResult,
  WebhookRun,
} from './system.bench';
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
const runRow = (name: string, r: WebhookRun) =>
  `| ${name} | ${fmt(r.load.perSecond)}/s | ${ms(r.load.p50Ms)} | ${ms(r.load.p99Ms)} | ${fmt(r.cpuMsPerUpdate, 2)} ms | ${r.load.errors} |`;
const onceRow = (name: string, e: Effects) =>
  `| ${name} | ${fmt(e.updates)} / ${fmt(e.answered)} | ${fmt(e.rows)} / ${fmt(e.expectedRows)} | ${e.lost} | ${e.doubled} | ${fmt(e.replies)} | ${exactlyOnce(e) ? 'yes' : '**no**'} |`;
const openRow = (name: string, r: LoadResult) =>
  `| ${name} | ${r.requests} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${r.errors} |`;
const twoRow = (name: string, r: WebhookRun) =>
  `| ${name} | ${fmt(r.load.perSecond)}/s | ${ms(r.load.p50Ms)} | ${ms(r.load.p99Ms)} | ${fmt(r.cpuMsPerUpdate, 2)} ms | ${fmt(r.effects.rows)} / ${fmt(r.effects.expectedRows)} | ${fmt(r.effects.replies)} | ${exactlyOnce(r.effects) ? 'yes' : '**no**'} |`;
const restRow = (name: string, runs: LoadResult[], m: LoadResult) =>
  `| ${name} | ${runs.map((r) => `${fmt(r.perSecond)}/s`).join(', ')} | **${fmt(m.perSecond)}/s** | ${ms(m.p50Ms)} | ${ms(m.p99Ms)} | ${m.errors} |`;

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
  minutes: number,
): string {
  const w = s.webhook;
  const big = s.largeUser;
  const ratio = (a: LoadResult, b: LoadResult) => `${fmt(b.p50Ms / a.p50Ms, 2)}×`;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const t = s.twoInstances;
  const d = t.duplicates;
  const allOnce = [...w.runs.app, ...w.runs.minimal, ...w.runs.lean].every((r) => exactlyOnce(r.effects));
  return `# Benchmarks

Written by \`npm run bench\` (scale: ${s.scale.name}, ${s.scale.durationMs / 1000} s runs) on ${date}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'},
${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${s.database}. The machine is shared with other jobs: absolute figures
move a lot between runs, so each one stands beside a baseline measured in the same run. The app runs as its own
process (\`node dist/main.js\`, LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}), the load generator and a fake Telegram Bot API in
another, all on loopback. The whole bench took ${fmt(minutes, 1)} min. Raw figures: [benchmarks.json](benchmarks.json).

## Webhook: text update → parsed → recorded → reply

${w.senders} concurrent senders (closed loop, keep-alive), each a registered user sending finance phrases (${w.phrases.map((p) => `“${p}”`).join(', ')}).
Per update the app checks the secret, claims the update id (processed_updates), loads the user and the bot session,
parses, records the transaction, sends the reply to the fake Bot API, marks the update done. The anchor is a
minimal bot (\`bench/minimal-bot.js\`: telegraf's webhook callback on \`node:http\` + \`pg\`, pool of 10 like the app,
keep-alive to the Bot API like the app; per update one \`INSERT … ON CONFLICT (update_id)\` and one reply). Beside them
the lean bot (\`bench/lean-bot.js\`): what OvozPay itself must do for a recorded phrase — its four statements (the
claim with the sender's reads, the insert, the recurring pattern read, the done-mark with the message's link), its
parser and a reply with buttons, the app's compiled code — on the anchor's \`node:http\` + telegraf, without NestJS,
Express, nestjs-telegraf or the app's checks: the bound any HTTP layer leaves. The three alternate, ${w.runs.app.length} runs of
${s.scale.durationMs / 1000} s each (A B C A B C A B C), with the same senders, phrases and fake Bot API;
the medians are each figure's median over its runs (errors: the sum). App CPU is the bot process's user + system time
per update answered (CPU time, so less sensitive to the machine's other load than the rates).

| | throughput | p50 | p99 | app CPU per update | errors |
|---|---|---|---|---|---|
${w.runs.app.map((r, i) => `${runRow(`OvozPay, run ${i + 1}`, r)}\n${runRow(`anchor, run ${i + 1}`, w.runs.minimal[i])}\n${runRow(`lean bot, run ${i + 1}`, w.runs.lean[i])}`).join('\n')}
| **OvozPay, median** | **${fmt(w.app.perSecond)}/s** | ${ms(w.app.p50Ms)} | ${ms(w.app.p99Ms)} | **${fmt(w.cpuMsPerUpdate, 2)} ms** | ${w.app.errors} |
| **anchor, median** | **${fmt(w.minimal.perSecond)}/s** | ${ms(w.minimal.p50Ms)} | ${ms(w.minimal.p99Ms)} | ${fmt(w.minimalCpuMsPerUpdate, 2)} ms | ${w.minimal.errors} |
| **lean bot (OvozPay's own work, no framework), median** | **${fmt(w.lean.perSecond)}/s** | ${ms(w.lean.p50Ms)} | ${ms(w.lean.p99Ms)} | ${fmt(w.leanCpuMsPerUpdate, 2)} ms | ${w.lean.errors} |
| bare Node HTTP server, same POST (baseline, one run) | ${fmt(w.bare.perSecond)}/s | ${ms(w.bare.p50Ms)} | ${ms(w.bare.p99Ms)} | ${fmt(w.bareCpuMsPerRequest, 3)} ms | ${w.bare.errors} |
| the same 6 statements with pg alone, 32 connections (the database's limit; one run) | ${fmt(w.pgAlone.perSecond)}/s | ${ms(w.pgAlone.p50Ms)} | ${ms(w.pgAlone.p99Ms)} | — | ${w.pgAlone.errors} |

Side by side (medians): **OvozPay / anchor = ${pct(w.app.perSecond, w.minimal.perSecond)}** of the throughput; app CPU per update
${fmt(w.cpuMsPerUpdate / w.minimalCpuMsPerUpdate, 1)}× the anchor's. OvozPay's own work without the framework reaches
**${pct(w.lean.perSecond, w.minimal.perSecond)}** of the anchor at ${fmt(w.leanCpuMsPerUpdate, 2)} ms of CPU per update; OvozPay reaches
**${pct(w.app.perSecond, w.lean.perSecond)}** of that bound, at ${fmt(w.cpuMsPerUpdate / w.leanCpuMsPerUpdate, 2)}× its CPU (what NestJS, Express,
nestjs-telegraf and the app's checks and bookkeeping add).

Targets (issue 16), from the medians above and the fixed-rate table below:

- throughput ≥ 70 % of the anchor's and ≥ 1,000 updates/s: ${met(w.app.perSecond >= 0.7 * w.minimal.perSecond && w.app.perSecond >= 1000)}
- app CPU per update ≤ 0.8 ms: ${met(w.cpuMsPerUpdate <= 0.8)}
- p99 < 50 ms at a fixed ${s.openLoop.rate} updates/s: ${met(s.openLoop.app.p99Ms < 50)}
- no update lost or doubled, every run, OvozPay, the anchor and the lean bot (table below): ${met(allOnce)}
- the fake Bot API is not the bottleneck (well under 1 ms at ${fmt(s.botApi.rate)} calls/s in its own process, below): ${met(s.botApi.ownProcess.p50Ms < 1 && s.botApi.ownProcess.p99Ms < 1)}

Exactly once, per run: the rows each bot recorded for the run's update ids (OvozPay: \`transactions\` by
\`source_update_id\`; the anchor: \`minimal_updates\`) and the replies it sent (the fake Bot API's \`sendMessage\` calls
during the run) against the updates answered 200. Each of the five phrases records one transaction (the parser, as
the bot calls it, finds ${w.itemsPerPhrase.join(', ')} item(s)), so an update is lost with fewer rows than that and doubled with more.
The lean bot writes the same \`transactions\` rows and is counted the same way.

| run | updates sent / answered 200 | rows / expected | lost | doubled | replies | exactly once |
|---|---|---|---|---|---|---|
${w.runs.app.map((r, i) => `${onceRow(`OvozPay, run ${i + 1}`, r.effects)}\n${onceRow(`anchor, run ${i + 1}`, w.runs.minimal[i].effects)}\n${onceRow(`lean bot, run ${i + 1}`, w.runs.lean[i].effects)}`).join('\n')}

- The fake Bot API alone, \`sendMessage\` at a fixed ${fmt(s.botApi.rate)} calls/s (open loop from the load generator's process, where it
  runs during the bench, so the generator's own client work is in it): p50 ${fmt(s.botApi.result.p50Ms, 2)} ms, p99 ${fmt(s.botApi.result.p99Ms, 2)} ms,
  ${s.botApi.result.errors} errors; in a process of its own (\`bench/fake-bot-api-server.ts\`): p50 ${fmt(s.botApi.ownProcess.p50Ms, 2)} ms,
  p99 ${fmt(s.botApi.ownProcess.p99Ms, 2)} ms, ${s.botApi.ownProcess.errors} errors.
- Webhook vs bare server (median vs one run): **${pct(w.app.perSecond, w.bare.perSecond)}** (target ≥ 40 % or ≥ 1,000 updates/s: ${met(w.app.perSecond >= 1000 || w.app.perSecond >= 0.4 * w.bare.perSecond)}).
- Webhook vs pg alone: ${pct(w.app.perSecond, w.pgAlone.perSecond)} of what the database does with the same statements.
- Database transactions per update (pg_stat_database.xact_commit, median of the OvozPay runs; approximate, as PostgreSQL
  publishes a pooled connection's counters only on a later transaction): ${fmt(w.commitsPerUpdate, 1)}.
- Transactions recorded by the bot during the whole bench: ${fmt(s.recorded)}; replies sent: ${fmt(s.replies)} (also warm-ups, the
  fixed-rate runs, the two-instance runs, the /start and /balance replies and the anchor's replies).

## Latency at a fixed ${s.openLoop.rate} updates/s (open loop, ${s.scale.openLoopMs / 1000} s)

Requests are sent on schedule whatever the answers; latency counts from the scheduled time, so queueing shows.
One run each, one after the other.

| | sent | p50 | p99 | max | errors |
|---|---|---|---|---|---|
${openRow('OvozPay webhook', s.openLoop.app)}
${openRow('minimal bot (the anchor)', s.openLoop.minimal)}
${openRow('bare Node HTTP server (baseline)', s.openLoop.bare)}

OvozPay's p99 < 50 ms at ${s.openLoop.rate} updates/s: ${met(s.openLoop.app.p99Ms < 50)}.

## Two app instances on one database

A second app process (\`node dist/main.js\`, the same environment, another port) on the same database, both warmed up.
The webhook closed loop as above (${w.senders} senders, ${t.durationMs / 1000} s per run), alternating one instance with every sender and two
instances with half the senders each, ${t.runs.one.length} runs each (1 2 1 2 1 2); app CPU is both processes' together. Every run is checked
for exactly once as above. The machine has ${cpus().length} cores shared by both instances, the database and the load generator,
so a second instance adds no CPU here: the ratio shows what two processes contending cost, not how it scales on
more cores.

| | throughput | p50 | p99 | app CPU per update | rows / expected | replies | exactly once |
|---|---|---|---|---|---|---|---|
${t.runs.one.map((r, i) => `${twoRow(`one instance, run ${i + 1}`, r)}\n${twoRow(`two instances, run ${i + 1}`, t.runs.two[i])}`).join('\n')}
| **one instance, median** | **${fmt(t.one.perSecond)}/s** | ${ms(t.one.p50Ms)} | ${ms(t.one.p99Ms)} | ${fmt(t.oneCpuMsPerUpdate, 2)} ms | | | |
| **two instances, median** | **${fmt(t.two.perSecond)}/s** | ${ms(t.two.p50Ms)} | ${ms(t.two.p99Ms)} | ${fmt(t.twoCpuMsPerUpdate, 2)} ms | | | |

Two instances / one (medians): **${fmt(t.two.perSecond / t.one.perSecond, 2)}×** the throughput; every run exactly once: ${met([...t.runs.one, ...t.runs.two].every((r) => exactlyOnce(r.effects)))}.

The same update to both at once: ${fmt(d.updates)} updates, each POSTed to both instances at the same moment (${d.concurrency} updates in
flight), an answer other than 200 retried every 50 ms as Telegram would, until 200. First answers: ${Object.entries(
    d.firstStatuses,
  )
    .map(([status, count]) => `${fmt(count)} × ${status}`)
    .join(', ')}; ${fmt(d.retries)} retries. Transactions recorded for these
updates: ${fmt(d.effects.rows)} (expected ${fmt(d.effects.expectedRows)}; ${d.effects.lost} lost, ${d.effects.doubled} doubled); replies: ${fmt(d.effects.replies)} for ${fmt(d.effects.updates)} updates.
Each update recorded once and answered once: ${met(exactlyOnce(d.effects))}.

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

${s.rest.senders} concurrent clients, closed loop, ${Math.min(s.scale.durationMs, 10_000) / 1000} s per run. Login, list and balance run in ${s.rest.runs.list.length} interleaved rounds
(login, list, balance, login, …); the table gives each run's throughput and the medians (errors: the sum); the bare
server one run after them. Login verifies Mini App init_data and issues new tokens each time; list and balance use the
Bearer tokens of the ${w.senders} webhook senders, whose balances are in several currencies (UZS and USD: converted at
today's bank rates, stored before the run as the app's hourly refresh would). In the same rounds, right after each of OvozPay's list and balance runs, the
same request to the lean REST server (\`bench/lean-rest.js\`: the app's compiled code for the bearer check, the same
statements and the same JSON on \`node:http\`, without NestJS, Express, helmet, passport, guards and pipes): the
bound any HTTP layer leaves.

| | runs | **median** | p50 | p99 | errors |
|---|---|---|---|---|---|
${restRow('POST /api/users/auth/telegram-login/', s.rest.runs.login, s.rest.login)}
${restRow('GET /api/transactions/ (page of 20)', s.rest.runs.list, s.rest.list)}
${restRow('GET /api/transactions/balance/', s.rest.runs.balance, s.rest.balance)}
${restRow('lean REST server, GET /api/transactions/ (page of 20)', s.rest.lean.runs.list, s.rest.lean.list)}
${restRow('lean REST server, GET /api/transactions/balance/', s.rest.lean.runs.balance, s.rest.lean.balance)}
| bare Node HTTP server (baseline) | one run | **${fmt(s.rest.bare.perSecond)}/s** | ${ms(s.rest.bare.p50Ms)} | ${ms(s.rest.bare.p99Ms)} | ${s.rest.bare.errors} |

App CPU per request (medians): list ${fmt(s.rest.cpuMs.list, 2)} ms (lean ${fmt(s.rest.leanCpuMs.list, 2)} ms), balance
${fmt(s.rest.cpuMs.balance, 2)} ms (lean ${fmt(s.rest.leanCpuMs.balance, 2)} ms). OvozPay reaches ${pct(s.rest.list.perSecond, s.rest.lean.list.perSecond)} of the lean server's list
and ${pct(s.rest.balance.perSecond, s.rest.lean.balance.perSecond)} of its balance.

Targets (issue 16), medians:

- GET /api/transactions/ ≥ 2,500 requests/s: ${met(s.rest.list.perSecond >= 2500)}
- GET /api/transactions/balance/ ≥ 2,500 requests/s: ${met(s.rest.balance.perSecond >= 2500)}
- telegram-login ≥ 1,000 requests/s: ${met(s.rest.login.perSecond >= 1000)}
- p99 < 50 ms at ${s.rest.senders} clients (all three): ${met([s.rest.login, s.rest.list, s.rest.balance].every((r) => r.p99Ms < 50))}

## Memory and start-up

| | OvozPay | bare Node HTTP server |
|---|---|---|
| RSS idle after start | ${fmt(s.rss.idleMb)} MB | ${fmt(s.rss.bareIdleMb)} MB |
| RSS peak under the webhook load (its closed-loop runs) | **${fmt(s.rss.peakUnderLoadMb)} MB** (target < 300 MB: ${met(s.rss.peakUnderLoadMb < 300)}) | ${fmt(s.rss.barePeakMb)} MB |
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
  const started = Date.now();
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
    markdown(parser, system, voice, exports, date.slice(0, 10), nlu, (Date.now() - started) / 60_000) +
      analysis,
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
