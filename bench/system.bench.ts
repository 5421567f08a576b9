/**
 * The system benchmarks: the app runs as its own process (`node dist/main.js`) on a fresh database with a fake Bot
 * API on loopback, and every figure is measured next to a baseline in the same run:
 *   - webhook throughput, p50/p99 and app CPU per update (32 senders, closed loop): OvozPay and the anchor (a minimal
 *     telegraf + pg bot, bench/minimal-bot.js) alternate three times each (A B A B A B), medians reported; each run
 *     is checked for lost or doubled updates (rows recorded and replies sent against the updates answered); beside
 *     them, OvozPay's own statements, parser and reply without the framework (bench/lean-bot.js), the bound any HTTP
 *     layer leaves (A B C A B C A B C);
 *   - a bare Node HTTP server answering the same POST; the same statements done with pg alone (the database's limit);
 *   - the fake Bot API alone at a fixed 5,000 calls/s (it must not be the bottleneck);
 *   - p50/p99 at a fixed 200 updates/s (open loop), OvozPay, the anchor and the bare server;
 *   - two app instances on one database: throughput 1 vs 2 instances, and every update sent to both at once
 *     (one transaction and one reply each);
 *   - /balance and GET /api/transactions/ for a user with 100 and with 100,000 transactions;
 *   - REST login, list and balance throughput (three runs each, medians), list and balance beside the same statements
 *     and JSON without the framework (bench/lean-rest.js); RSS under load vs the bare server; cold start.
 */
import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { Client, Pool } from 'pg';
import { signInitData } from '../src/modules/auth/telegram-proof';
import { parsePhrase } from '../src/modules/nlu';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  BARE_SERVER,
  benchAppEnv,
  BENCH_SECRETS,
  Child,
  ensureBuilt,
  LEAN_BOT,
  LEAN_REST,
  MINIMAL_BOT,
  peakRss,
  ROOT,
  startChild,
  webhookTarget,
} from './child';
import { closedLoop, LoadResult, openLoop, send, Target, textUpdate } from './load';
import { median, percentile } from './stats';
import { Agent } from 'node:http';

const TOKEN = BENCH_SECRETS.botToken;
const SECRET_KEY = BENCH_SECRETS.secretKey;
const PHRASES = [
  'Потратил 50000 сум на продукты',
  'taksiga 20 ming berdim',
  'got paid 500 dollars',
  'кофе 18000',
  'зарплата 5 млн',
];
/** The phrase of update `id`: by id, so what an update must record is known from its id alone. */
const phraseOf = (id: number) => PHRASES[id % PHRASES.length];
const SENDERS = 32;
const RUNS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Transactions each bench phrase records, by the parser as the bot calls it (each of the five records one). */
function itemsPerPhrase(): number[] {
  return PHRASES.map(
    (text) =>
      parsePhrase(text, {
        language: 'auto',
        defaultCurrency: 'UZS',
        now: new Date(),
        timeZone: 'Asia/Tashkent',
      }).items.length,
  );
}

export interface Scale {
  name: string;
  durationMs: number;
  openLoopMs: number;
  bigUserRows: number;
  latencySamples: number;
}

export function scaleFromEnv(): Scale {
  const quick = process.env.BENCH_SCALE === 'quick';
  const duration = Number(process.env.BENCH_DURATION_S ?? (quick ? 5 : 30)) * 1000;
  return {
    name: quick ? 'quick' : 'full',
    durationMs: duration,
    openLoopMs: Math.min(duration, quick ? 5000 : 20_000),
    bigUserRows: Number(process.env.BENCH_BIG_USER_ROWS ?? (quick ? 20_000 : 100_000)),
    latencySamples: quick ? 40 : 200,
  };
}

/**
 * Exactly-once over one run's update ids: rows recorded (OvozPay: transactions by source_update_id; the anchor:
 * minimal_updates) and replies sent (the fake Bot API's sendMessage calls) against the updates answered 200.
 */
export interface Effects {
  updates: number;
  answered: number;
  /** Rows the updates' phrases record (updates × 1 here: each bench phrase records one transaction). */
  expectedRows: number;
  rows: number;
  /** Updates with fewer rows than their phrase records, and with more. */
  lost: number;
  doubled: number;
  replies: number;
}

export const exactlyOnce = (e: Effects): boolean =>
  e.answered === e.updates &&
  e.lost === 0 &&
  e.doubled === 0 &&
  e.rows === e.expectedRows &&
  e.replies === e.answered;

/** One closed-loop webhook run. */
export interface WebhookRun {
  load: LoadResult;
  /** App process CPU (user + system) per update; with two instances, both processes' CPU. */
  cpuMsPerUpdate: number;
  /** pg_stat_database.xact_commit per update (OvozPay runs). */
  commitsPerUpdate: number;
  peakRssMb: number;
  effects: Effects;
}

export interface SystemBenchResult {
  scale: Scale;
  database: string;
  webhook: {
    /** OvozPay and the anchor alternated (A B A B A B): every run. */
    runs: { app: WebhookRun[]; minimal: WebhookRun[]; lean: WebhookRun[] };
    /** Medians over the runs (each field its own median; errors summed). */
    app: LoadResult;
    bare: LoadResult;
    /** The anchor: bench/minimal-bot.js under the same load (issue 16); medians over its runs. */
    minimal: LoadResult;
    minimalCpuMsPerUpdate: number;
    /** Rows the minimal bot stored and replies it sent over its runs, against the updates answered 200. */
    minimalRows: number;
    minimalReplies: number;
    /** OvozPay's own work without the framework (bench/lean-bot.js); medians over its runs. */
    lean: LoadResult;
    leanCpuMsPerUpdate: number;
    pgAlone: LoadResult;
    commitsPerUpdate: number;
    senders: number;
    cpuMsPerUpdate: number;
    bareCpuMsPerRequest: number;
    /** Transactions each bench phrase records (parser), in PHRASES order. */
    itemsPerPhrase: number[];
    phrases: string[];
  };
  openLoop: { rate: number; app: LoadResult; minimal: LoadResult; bare: LoadResult };
  /** A second app process on the same database. */
  twoInstances: {
    /** Length of each run (the webhook's, at most 10 s). */
    durationMs: number;
    /** One instance with all senders and two with half each, alternated (1 2 1 2 1 2): every run. */
    runs: { one: WebhookRun[]; two: WebhookRun[] };
    /** Medians over the runs (errors summed); CPU per update of both processes together for two. */
    one: LoadResult;
    two: LoadResult;
    oneCpuMsPerUpdate: number;
    twoCpuMsPerUpdate: number;
    /** Each update POSTed to both instances at the same moment; non-200 answers retried until 200. */
    duplicates: {
      updates: number;
      concurrency: number;
      /** First answers by HTTP status (both instances' answers). */
      firstStatuses: Record<string, number>;
      retries: number;
      effects: Effects;
    };
  };
  largeUser: {
    rows: { small: number; large: number };
    balanceCommand: { small: LoadResult; large: LoadResult };
    restBalance: { small: LoadResult; large: LoadResult };
    restList: { small: LoadResult; large: LoadResult };
  };
  /** login, list, balance: medians over `runs` (interleaved rounds); bare: one run. */
  rest: {
    login: LoadResult;
    list: LoadResult;
    balance: LoadResult;
    bare: LoadResult;
    senders: number;
    runs: { login: LoadResult[]; list: LoadResult[]; balance: LoadResult[] };
    /** App CPU per request, medians over the runs (the process's user + system time). */
    cpuMs: { list: number; balance: number };
    /**
     * The same two GETs on bench/lean-rest.js (the app's statements and JSON on node:http, no framework), in the
     * same rounds: the bound any HTTP layer leaves.
     */
    lean: { list: LoadResult; balance: LoadResult; runs: { list: LoadResult[]; balance: LoadResult[] } };
    leanCpuMs: { list: number; balance: number };
  };
  rss: { idleMb: number; peakUnderLoadMb: number; bareIdleMb: number; barePeakMb: number };
  coldStart: { appMs: number[]; bareMs: number[] };
  recorded: number;
  replies: number;
  /**
   * The fake Bot API alone (sendMessage), open loop at `rate` calls/s: as it runs in the bench (in the load generator's
   * process, so the generator's own work counts too) and in a process of its own.
   */
  botApi: { rate: number; result: LoadResult; ownProcess: LoadResult };
}

/** Each field the median over the runs, except errors: their sum. */
export function medianLoad(runs: LoadResult[]): LoadResult {
  const m = (f: (r: LoadResult) => number) => median(runs.map(f));
  return {
    requests: m((r) => r.requests),
    seconds: m((r) => r.seconds),
    perSecond: m((r) => r.perSecond),
    p50Ms: m((r) => r.p50Ms),
    p99Ms: m((r) => r.p99Ms),
    maxMs: m((r) => r.maxMs),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

/** Sequential requests (one at a time): latency without queueing. */
async function sequential(
  n: number,
  make: (i: number) => { target: Target; body?: string },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const { target, body } = make(i);
    const s = process.hrtime.bigint();
    const res = await send(agent, target, body);
    if (res.status !== 200) errors++;
    latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  return {
    requests: n,
    seconds,
    perSecond: n / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((a, b) => (b > a ? b : a), -Infinity),
    errors,
  };
}

/** The webhook's statements for one text update, with pg alone and 32 connections: what the database allows. */
async function pgAlone(
  url: string,
  senders: number,
  durationMs: number,
  userIds: string[],
): Promise<LoadResult> {
  const pool = new Pool({ connectionString: url, max: senders });
  pool.on('error', () => undefined); // idle clients ended by the database after the run
  let id = 50_000_000;
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: senders }, async (_, w) => {
      const client = await pool.connect();
      try {
        const userId = userIds[w % userIds.length];
        while (Date.now() < deadline) {
          const updateId = id++;
          const s = process.hrtime.bigint();
          await client.query(
            `INSERT INTO processed_updates AS p (update_id, status, attempts, received_at, attempted_at) VALUES ($1, 'processing', 1, now(), now())
             ON CONFLICT (update_id) DO UPDATE SET status = 'processing' WHERE p.status = 'failed' RETURNING p.update_id`,
            [updateId],
          );
          await client.query(
            `SELECT * FROM users WHERE telegram_chat_id = (SELECT telegram_chat_id FROM users WHERE id = $1)`,
            [userId],
          );
          await client.query(`SELECT state FROM bot_sessions WHERE user_id = $1 AND is_active`, [userId]);
          await client.query(
            `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at, source, source_update_id, source_item)
             VALUES ($1, 'expense', 50000, 'UZS', 'groceries', 'продукты', now(), 'text', $2, 0) ON CONFLICT DO NOTHING`,
            [userId, updateId],
          );
          await client.query(
            `SELECT * FROM transactions WHERE user_id = $1 AND source_update_id = $2 ORDER BY source_item`,
            [userId, updateId],
          );
          await client.query(
            `UPDATE processed_updates SET status = 'done', finished_at = now() WHERE update_id = $1`,
            [updateId],
          );
          latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.end();
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((a, b) => (b > a ? b : a), -Infinity),
    errors: 0,
  };
}

/** The fake Bot API in a process of its own (bench/fake-bot-api-server.ts), sendMessage at `rate` calls/s. */
async function fakeBotApiOwnProcess(rate: number, durationMs: number): Promise<LoadResult> {
  const proc = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'bench', 'fake-bot-api-server.ts')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      proc.on('exit', (code) => reject(new Error(`fake Bot API exited ${code}`)));
    });
    const port = Number(new URL(url).port);
    const target = { port, path: `/bot${TOKEN}/sendMessage` };
    await openLoop(1000, 1000, (i) => ({ target, body: JSON.stringify({ chat_id: i, text: 'warm-up' }) }));
    return await openLoop(rate, durationMs, (i) => ({
      target,
      body: JSON.stringify({ chat_id: 900_000 + (i % 32), text: '✅ bench' }),
    }));
  } finally {
    proc.kill('SIGTERM');
  }
}

async function statementCount(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}

export async function runSystemBench(scale: Scale, log: (line: string) => void): Promise<SystemBenchResult> {
  ensureBuilt();
  const items = itemsPerPhrase();
  const telegram = await new FakeTelegram().start();
  const database = await createTestDatabase();
  if (database.url.startsWith('pglite'))
    throw new Error('npm run bench needs DATABASE_URL (a PostgreSQL database whose name contains "test")');
  const env = {
    ...benchAppEnv(database.url, telegram.url),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const children: Child[] = [];
  const db = new Client({ connectionString: database.url });
  try {
    // Cold start: the first start migrates; then three starts on the migrated database.
    const first = await startChild(env);
    await first.stop();
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await startChild(env);
      appMs.push(c.readyMs);
      await c.stop();
      const b = await startChild({}, BARE_SERVER);
      bareMs.push(b.readyMs);
      await b.stop();
    }
    log(`cold start: app ${median(appMs).toFixed(0)} ms, bare ${median(bareMs).toFixed(0)} ms`);

    const app = await startChild(env);
    const bare = await startChild({}, BARE_SERVER);
    const minimal = await startChild(env, MINIMAL_BOT); // it reads the same four variables as the app
    const lean = await startChild(env, LEAN_BOT); // and on the database the app migrated
    children.push(app, bare, minimal, lean);
    await db.connect();
    const idleMb = app.rssMb();
    const bareIdleMb = bare.rssMb();
    const agent = new Agent({ keepAlive: true });
    const senders = SENDERS;
    let updateId = 1;
    for (let s = 0; s < senders; s++)
      await send(agent, webhookTarget(app.port), textUpdate(updateId++, 900_000 + s, '/start'));
    const users: Array<{ id: string }> = (await db.query(`SELECT id FROM users ORDER BY telegram_chat_id`))
      .rows;
    // Today's bank rates stored, as the app keeps them after its hourly refresh: a balance in several currencies
    // converts with one read of them, as in production (the bench has no bank to ask).
    const bankToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tashkent' }).format(new Date());
    await db.query(
      `INSERT INTO exchange_rates (rate_date, currency, rate, nominal)
       VALUES ($1, 'USD', '12741.19', 1), ($1, 'EUR', '13402.55', 1), ($1, 'RUB', '131.62', 1)`,
      [bankToday],
    );
    const replies = () => telegram.sent('sendMessage').length;

    /** Rows recorded per update id in [first, end): OvozPay's transactions or the anchor's minimal_updates. */
    const rowsPerUpdate = async (store: 'app' | 'anchor', first: number, end: number) => {
      const sql =
        store === 'app'
          ? `SELECT source_update_id::text AS id, count(*)::int AS n FROM transactions
             WHERE source_update_id >= $1 AND source_update_id < $2 GROUP BY source_update_id`
          : `SELECT update_id::text AS id, 1 AS n FROM minimal_updates WHERE update_id >= $1 AND update_id < $2`;
      const rows: Array<{ id: string; n: number }> = (await db.query(sql, [first, end])).rows;
      return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
    };
    const effectsOf = async (
      store: 'app' | 'anchor',
      first: number,
      end: number,
      answered: number,
      replies0: number,
    ): Promise<Effects> => {
      await sleep(300); // a reply still on its way after the answer would be counted too
      const rows = await rowsPerUpdate(store, first, end);
      let expectedRows = 0;
      let total = 0;
      let lost = 0;
      let doubled = 0;
      for (let id = first; id < end; id++) {
        const expected = store === 'app' ? items[id % PHRASES.length] : 1;
        const n = rows.get(id) ?? 0;
        expectedRows += expected;
        total += n;
        if (n < expected) lost++;
        if (n > expected) doubled++;
      }
      return {
        updates: end - first,
        answered,
        expectedRows,
        rows: total,
        lost,
        doubled,
        replies: replies() - replies0,
      };
    };
    /** A closed-loop run against `targets` (the senders split evenly), with its CPU, commits and effects. */
    const webhookRun = async (
      targets: Child[],
      store: 'app' | 'anchor',
      durationMs = scale.durationMs,
    ): Promise<WebhookRun> => {
      const firstId = updateId;
      const replies0 = replies();
      const commits0 = await statementCount(database.url);
      const cpu0 = targets.map((t) => t.cpuMs());
      const { result: load, peakMb } = await peakRss(targets[0], () =>
        closedLoop(senders, durationMs, (_i, s) => {
          const id = updateId++;
          return {
            target: webhookTarget(targets[s % targets.length].port),
            body: textUpdate(id, 900_000 + s, phraseOf(id)),
          };
        }),
      );
      const cpuMs = targets.reduce((a, t, k) => a + t.cpuMs() - cpu0[k], 0);
      const effects = await effectsOf(store, firstId, updateId, load.requests - load.errors, replies0);
      // Approximate: PostgreSQL publishes a pooled connection's counters on its first transaction at least 1 s after
      // the last time, not when it goes idle, so a run's last second shows up in the next run on that connection.
      const commits = (await statementCount(database.url)) - commits0;
      return {
        load,
        cpuMsPerUpdate: cpuMs / Math.max(1, load.requests),
        commitsPerUpdate: commits / Math.max(1, load.requests),
        peakRssMb: peakMb,
        effects,
      };
    };
    const describe = (r: WebhookRun) =>
      `${r.load.perSecond.toFixed(0)} updates/s, p50 ${r.load.p50Ms.toFixed(1)} ms, p99 ${r.load.p99Ms.toFixed(1)} ms, ` +
      `${r.cpuMsPerUpdate.toFixed(2)} ms CPU/update; ${r.effects.rows}/${r.effects.expectedRows} rows, ` +
      `${r.effects.replies} replies for ${r.effects.answered}/${r.effects.updates} answered (${exactlyOnce(r.effects) ? 'exactly once' : 'NOT exactly once'})`;

    // Warm-up, the three bots.
    for (const child of [app, minimal, lean])
      await closedLoop(senders, 2000, (_i, s) => {
        const id = updateId++;
        return { target: webhookTarget(child.port), body: textUpdate(id, 900_000 + s, phraseOf(id)) };
      });
    // OvozPay, the anchor and OvozPay's work without the framework alternate: same senders, phrases, fake Bot API.
    const appRuns: WebhookRun[] = [];
    const minimalRuns: WebhookRun[] = [];
    const leanRuns: WebhookRun[] = [];
    for (let r = 0; r < RUNS; r++) {
      appRuns.push(await webhookRun([app], 'app'));
      log(`webhook run ${r + 1}: ${describe(appRuns[r])}`);
      minimalRuns.push(await webhookRun([minimal], 'anchor'));
      log(`minimal bot run ${r + 1}: ${describe(minimalRuns[r])}`);
      leanRuns.push(await webhookRun([lean], 'app'));
      log(`lean bot run ${r + 1}: ${describe(leanRuns[r])}`);
    }
    await lean.stop();
    const appLoad = medianLoad(appRuns.map((r) => r.load));
    const minimalLoad = medianLoad(minimalRuns.map((r) => r.load));
    const peakMb = Math.max(...appRuns.map((r) => r.peakRssMb));

    const bareCpu0 = bare.cpuMs();
    const { result: bareLoad, peakMb: barePeakMb } = await peakRss(bare, () =>
      closedLoop(senders, scale.durationMs, (_i, s) => {
        const id = updateId++;
        return { target: webhookTarget(bare.port), body: textUpdate(id, 900_000 + s, phraseOf(id)) };
      }),
    );
    const bareCpuMs = bare.cpuMs() - bareCpu0;
    log(
      `bare: ${bareLoad.perSecond.toFixed(0)} req/s, p50 ${bareLoad.p50Ms.toFixed(1)} ms, p99 ${bareLoad.p99Ms.toFixed(1)} ms`,
    );
    const pg = await pgAlone(
      database.url,
      senders,
      scale.durationMs,
      users.map((u) => u.id),
    );
    log(`pg alone: ${pg.perSecond.toFixed(0)} updates/s (6 statements each)`);

    const rate = 200;
    const fixedRate = (child: Child) =>
      openLoop(rate, scale.openLoopMs, (i) => {
        const id = updateId++;
        return {
          target: webhookTarget(child.port),
          body: textUpdate(id, 900_000 + (i % senders), phraseOf(id)),
        };
      });
    const appOpen = await fixedRate(app);
    const minimalOpen = await fixedRate(minimal);
    const bareOpen = await fixedRate(bare);
    log(
      `open loop ${rate}/s: app p50 ${appOpen.p50Ms.toFixed(1)} ms p99 ${appOpen.p99Ms.toFixed(1)} ms; ` +
        `minimal bot p99 ${minimalOpen.p99Ms.toFixed(1)} ms; bare p99 ${bareOpen.p99Ms.toFixed(1)} ms`,
    );
    await minimal.stop();

    // Two instances on one database: a second app process, same environment, another port.
    const app2 = await startChild(env);
    children.push(app2);
    await closedLoop(senders, 2000, (_i, s) => {
      const id = updateId++;
      return {
        target: webhookTarget((s % 2 ? app2 : app).port),
        body: textUpdate(id, 900_000 + s, phraseOf(id)),
      };
    });
    const oneRuns: WebhookRun[] = [];
    const twoRuns: WebhookRun[] = [];
    const twoMs = Math.min(scale.durationMs, 10_000);
    for (let r = 0; r < RUNS; r++) {
      oneRuns.push(await webhookRun([app], 'app', twoMs));
      log(`one instance, run ${r + 1}: ${describe(oneRuns[r])}`);
      twoRuns.push(await webhookRun([app, app2], 'app', twoMs));
      log(`two instances, run ${r + 1}: ${describe(twoRuns[r])}`);
    }
    // The same update to both instances at the same moment (a redelivery racing the first delivery); an answer
    // other than 200 is retried as Telegram would, until 200.
    const duplicateUpdates = scale.name === 'quick' ? 200 : 1000;
    const concurrency = 16;
    const dupFirst = updateId;
    updateId += duplicateUpdates;
    const dupReplies0 = replies();
    const firstStatuses: Record<string, number> = {};
    let retries = 0;
    let answered = 0;
    let next = dupFirst;
    const dupAgent = new Agent({ keepAlive: true, maxSockets: 2 * concurrency });
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (next < dupFirst + duplicateUpdates) {
          const id = next++;
          const body = textUpdate(id, 900_000 + w, phraseOf(id));
          const deliver = async (child: Child): Promise<boolean> => {
            const status = await send(dupAgent, webhookTarget(child.port), body).then(
              (res) => res.status,
              () => 0,
            );
            firstStatuses[status] = (firstStatuses[status] ?? 0) + 1;
            let s = status;
            for (let k = 0; s !== 200 && k < 50; k++) {
              await sleep(50);
              retries++;
              s = await send(dupAgent, webhookTarget(child.port), body).then(
                (res) => res.status,
                () => 0,
              );
            }
            return s === 200;
          };
          const [a, b] = await Promise.all([deliver(app), deliver(app2)]);
          if (a && b) answered++;
        }
      }),
    );
    dupAgent.destroy();
    const dupEffects = await effectsOf('app', dupFirst, dupFirst + duplicateUpdates, answered, dupReplies0);
    log(
      `duplicates: ${duplicateUpdates} updates to both instances, first answers ${JSON.stringify(firstStatuses)}, ` +
        `${retries} retries; ${dupEffects.rows}/${dupEffects.expectedRows} rows, ${dupEffects.replies} replies ` +
        `(${exactlyOnce(dupEffects) ? 'exactly once' : 'NOT exactly once'})`,
    );
    await app2.stop();

    // A user with 100 and a user with many transactions.
    const smallChat = 1_000_001;
    const largeChat = 1_000_002;
    await send(agent, webhookTarget(app.port), textUpdate(updateId++, smallChat, '/start'));
    await send(agent, webhookTarget(app.port), textUpdate(updateId++, largeChat, '/start'));
    const idOf = async (chat: number) =>
      (await db.query(`SELECT id FROM users WHERE telegram_chat_id = $1`, [chat])).rows[0].id as string;
    const smallId = await idOf(smallChat);
    const largeId = await idOf(largeChat);
    const seed = (userId: string, n: number) =>
      db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at, source)
         SELECT $1, CASE WHEN g % 5 = 0 THEN 'income' ELSE 'expense' END, (g % 997 + 1) * 100, CASE WHEN g % 7 = 0 THEN 'USD' ELSE 'UZS' END,
                CASE WHEN g % 5 = 0 THEN 'salary' ELSE 'groceries' END, 'bench ' || g, now() - (g || ' minutes')::interval, 'api'
         FROM generate_series(1, $2::int) g`,
        [userId, n],
      );
    await seed(smallId, 100);
    await seed(largeId, scale.bigUserRows);
    await db.query('ANALYZE transactions');
    const bearer = (userId: string) =>
      `Bearer ${sign({ token_type: 'access', user_id: userId, jti: randomUUID() }, SECRET_KEY, { algorithm: 'HS256', expiresIn: 3600 })}`;
    const get = (path: string, userId: string): Target => ({
      port: app.port,
      path,
      method: 'GET',
      headers: { authorization: bearer(userId) },
    });
    const n = scale.latencySamples;
    const balanceCommand = {
      small: await sequential(n, () => ({
        target: webhookTarget(app.port),
        body: textUpdate(updateId++, smallChat, '/balance'),
      })),
      large: await sequential(n, () => ({
        target: webhookTarget(app.port),
        body: textUpdate(updateId++, largeChat, '/balance'),
      })),
    };
    const restBalance = {
      small: await sequential(n, () => ({ target: get('/api/transactions/balance/', smallId) })),
      large: await sequential(n, () => ({ target: get('/api/transactions/balance/', largeId) })),
    };
    const restList = {
      small: await sequential(n, () => ({ target: get('/api/transactions/', smallId) })),
      large: await sequential(n, () => ({ target: get('/api/transactions/', largeId) })),
    };
    log(
      `/balance: ${balanceCommand.small.p50Ms.toFixed(1)} ms (100) vs ${balanceCommand.large.p50Ms.toFixed(1)} ms (${scale.bigUserRows}); list ${restList.small.p50Ms.toFixed(1)} vs ${restList.large.p50Ms.toFixed(1)} ms`,
    );

    // REST, 16 clients each, login / list / balance in interleaved rounds: login (verified, Mini App init_data; a
    // distinct client address per request, so the per-IP limit does not apply), the list's first page of 20 and the
    // balance of the 32 bench users.
    const restSenders = 16;
    const restMs = Math.min(scale.durationMs, 10_000);
    const tokens = users.map((u) => bearer(u.id));
    const loginRun = () =>
      closedLoop(restSenders, restMs, (i) => {
        const chat = 2_000_000 + (i % 500);
        const init = signInitData(TOKEN, {
          user: JSON.stringify({ id: chat, first_name: 'Bench' }),
          auth_date: String(Math.floor(Date.now() / 1000)),
        });
        return {
          target: {
            port: app.port,
            path: '/api/users/auth/telegram-login/',
            headers: { 'x-forwarded-for': `198.18.${(i >> 8) & 255}.${i & 255}` },
          },
          body: JSON.stringify({ telegram_chat_id: chat, init_data: init }),
        };
      });
    const leanRest = await startChild(env, LEAN_REST);
    children.push(leanRest);
    for (const path of ['/api/transactions/?page_size=20', '/api/transactions/balance/'])
      await closedLoop(restSenders, 2000, (i) => ({
        target: {
          port: leanRest.port,
          path,
          method: 'GET',
          headers: { authorization: tokens[i % tokens.length] },
        },
      })); // warm-up (the app has served the /balance and list latency runs above)
    /** A closed loop of GETs on `child`, with its CPU per request. */
    const getRun = async (child: Child, path: string, cpu: number[]) => {
      const cpu0 = child.cpuMs();
      const r = await closedLoop(restSenders, restMs, (i) => ({
        target: {
          port: child.port,
          path,
          method: 'GET',
          headers: { authorization: tokens[i % tokens.length] },
        },
      }));
      cpu.push((child.cpuMs() - cpu0) / Math.max(1, r.requests));
      return r;
    };
    const LIST = '/api/transactions/?page_size=20';
    const BALANCE = '/api/transactions/balance/';
    const restRuns = { login: [] as LoadResult[], list: [] as LoadResult[], balance: [] as LoadResult[] };
    const leanRestRuns = { list: [] as LoadResult[], balance: [] as LoadResult[] };
    const cpu = { list: [] as number[], balance: [] as number[] };
    const leanCpu = { list: [] as number[], balance: [] as number[] };
    for (let r = 0; r < RUNS; r++) {
      restRuns.login.push(await loginRun());
      restRuns.list.push(await getRun(app, LIST, cpu.list));
      leanRestRuns.list.push(await getRun(leanRest, LIST, leanCpu.list));
      restRuns.balance.push(await getRun(app, BALANCE, cpu.balance));
      leanRestRuns.balance.push(await getRun(leanRest, BALANCE, leanCpu.balance));
      log(
        `REST run ${r + 1}: login ${restRuns.login[r].perSecond.toFixed(0)}/s, list ${restRuns.list[r].perSecond.toFixed(0)}/s ` +
          `(lean ${leanRestRuns.list[r].perSecond.toFixed(0)}/s), balance ${restRuns.balance[r].perSecond.toFixed(0)}/s ` +
          `(lean ${leanRestRuns.balance[r].perSecond.toFixed(0)}/s)`,
      );
    }
    await leanRest.stop();
    const bareRest = await closedLoop(restSenders, restMs, () => ({
      target: { port: bare.port, path: '/api/transactions/' },
      body: '{}',
    }));
    log(`REST: bare ${bareRest.perSecond.toFixed(0)}/s`);

    // The bot's own recordings (pg alone's rows use update ids from 50,000,000 up).
    const recorded = Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM transactions WHERE source = 'text' AND source_update_id < 50000000`,
        )
      ).rows[0].n,
    );
    agent.destroy();
    const repliesTotal = replies();
    // The fake Bot API alone: sendMessage at a fixed 5,000 calls/s from this process (where it also runs in the bench).
    const botApiRate = 5000;
    const botApi = await openLoop(botApiRate, Math.min(scale.durationMs, 5000), (i) => ({
      target: { port: Number(new URL(telegram.url).port), path: `/bot${TOKEN}/sendMessage` },
      body: JSON.stringify({ chat_id: 900_000 + (i % senders), text: '✅ bench' }),
    }));
    const ownProcess = await fakeBotApiOwnProcess(botApiRate, Math.min(scale.durationMs, 5000));
    log(
      `fake Bot API at ${botApiRate}/s: p50 ${botApi.p50Ms.toFixed(2)} ms, p99 ${botApi.p99Ms.toFixed(2)} ms, errors ${botApi.errors}; ` +
        `own process p50 ${ownProcess.p50Ms.toFixed(2)} ms, p99 ${ownProcess.p99Ms.toFixed(2)} ms`,
    );
    return {
      scale,
      database: 'PostgreSQL (local, 127.0.0.1)',
      webhook: {
        runs: { app: appRuns, minimal: minimalRuns, lean: leanRuns },
        app: appLoad,
        bare: bareLoad,
        minimal: minimalLoad,
        minimalCpuMsPerUpdate: median(minimalRuns.map((r) => r.cpuMsPerUpdate)),
        minimalRows: minimalRuns.reduce((a, r) => a + r.effects.rows, 0),
        minimalReplies: minimalRuns.reduce((a, r) => a + r.effects.replies, 0),
        lean: medianLoad(leanRuns.map((r) => r.load)),
        leanCpuMsPerUpdate: median(leanRuns.map((r) => r.cpuMsPerUpdate)),
        pgAlone: pg,
        commitsPerUpdate: median(appRuns.map((r) => r.commitsPerUpdate)),
        senders,
        cpuMsPerUpdate: median(appRuns.map((r) => r.cpuMsPerUpdate)),
        bareCpuMsPerRequest: bareCpuMs / Math.max(1, bareLoad.requests),
        itemsPerPhrase: items,
        phrases: PHRASES,
      },
      openLoop: { rate, app: appOpen, minimal: minimalOpen, bare: bareOpen },
      twoInstances: {
        durationMs: twoMs,
        runs: { one: oneRuns, two: twoRuns },
        one: medianLoad(oneRuns.map((r) => r.load)),
        two: medianLoad(twoRuns.map((r) => r.load)),
        oneCpuMsPerUpdate: median(oneRuns.map((r) => r.cpuMsPerUpdate)),
        twoCpuMsPerUpdate: median(twoRuns.map((r) => r.cpuMsPerUpdate)),
        duplicates: {
          updates: duplicateUpdates,
          concurrency,
          firstStatuses,
          retries,
          effects: dupEffects,
        },
      },
      largeUser: { rows: { small: 100, large: scale.bigUserRows }, balanceCommand, restBalance, restList },
      rest: {
        login: medianLoad(restRuns.login),
        list: medianLoad(restRuns.list),
        balance: medianLoad(restRuns.balance),
        bare: bareRest,
        senders: restSenders,
        runs: restRuns,
        cpuMs: { list: median(cpu.list), balance: median(cpu.balance) },
        lean: {
          list: medianLoad(leanRestRuns.list),
          balance: medianLoad(leanRestRuns.balance),
          runs: leanRestRuns,
        },
        leanCpuMs: { list: median(leanCpu.list), balance: median(leanCpu.balance) },
      },
      rss: { idleMb, peakUnderLoadMb: peakMb, bareIdleMb, barePeakMb },
      coldStart: { appMs, bareMs },
      recorded,
      replies: repliesTotal,
      botApi: { rate: botApiRate, result: botApi, ownProcess },
    };
  } finally {
    await db.end().catch(() => undefined);
    for (const ch of children) await ch.stop();
    await telegram.stop();
    await database.drop();
  }
}
