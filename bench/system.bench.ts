/**
 * The system benchmarks: the app runs as its own process (`node dist/main.js`) on a fresh database with a fake Bot
 * API on loopback, and every figure is measured next to a baseline in the same run:
 *   - webhook throughput and p50/p99 (32 senders, closed loop) vs a bare Node HTTP server answering the same POST;
 *   - the anchor: a minimal telegraf + pg bot (bench/minimal-bot.js) under the same load, right after the app;
 *   - the fake Bot API alone at a fixed 5,000 calls/s (it must not be the bottleneck);
 *   - the same statements done with pg alone (the database's own limit);
 *   - p50/p99 at a fixed 200 updates/s (open loop);
 *   - /balance and GET /api/transactions/ for a user with 100 and with 100,000 transactions;
 *   - REST login and list throughput; RSS under load vs the bare server; cold start to ready.
 */
import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { Client, Pool } from 'pg';
import { signInitData } from '../src/modules/auth/telegram-proof';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BARE_SERVER, Child, ensureBuilt, MINIMAL_BOT, peakRss, ROOT, startChild } from './child';
import { closedLoop, LoadResult, openLoop, send, Target } from './load';
import { median, percentile } from './stats';
import { Agent } from 'node:http';

const SECRET = 'bench-webhook-secret';
const TOKEN = '123456789:BENCH-token_abcdefghijklmnopqrstu';
const SECRET_KEY = 'bench-secret-key-0123456789abcdef';
const PHRASES = [
  'Потратил 50000 сум на продукты',
  'taksiga 20 ming berdim',
  'got paid 500 dollars',
  'кофе 18000',
  'зарплата 5 млн',
];

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

export interface SystemBenchResult {
  scale: Scale;
  database: string;
  webhook: {
    app: LoadResult;
    bare: LoadResult;
    /** The anchor: bench/minimal-bot.js under the same load (issue 16). */
    minimal: LoadResult;
    minimalCpuMsPerUpdate: number;
    /** Rows the minimal bot stored and replies it sent during its run, against the updates answered 200. */
    minimalRows: number;
    minimalReplies: number;
    pgAlone: LoadResult;
    commitsPerUpdate: number;
    senders: number;
    cpuMsPerUpdate: number;
    bareCpuMsPerRequest: number;
  };
  openLoop: { rate: number; app: LoadResult; bare: LoadResult };
  largeUser: {
    rows: { small: number; large: number };
    balanceCommand: { small: LoadResult; large: LoadResult };
    restBalance: { small: LoadResult; large: LoadResult };
    restList: { small: LoadResult; large: LoadResult };
  };
  rest: { login: LoadResult; list: LoadResult; bare: LoadResult; senders: number };
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

function textUpdate(updateId: number, chatId: number, text: string): string {
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      from: { id: chatId, is_bot: false, first_name: 'Bench', language_code: 'ru' },
      chat: { id: chatId, first_name: 'Bench', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] }
        : {}),
    },
  });
}

const hook = (port: number): Target => ({
  port,
  path: '/telegram/webhook/',
  headers: { 'x-telegram-bot-api-secret-token': SECRET },
});

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
  const telegram = await new FakeTelegram().start();
  const database = await createTestDatabase();
  if (database.url.startsWith('pglite'))
    throw new Error('npm run bench needs DATABASE_URL (a PostgreSQL database whose name contains "test")');
  const env = {
    DATABASE_URL: database.url,
    SECRET_KEY,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    BOT_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const children: Child[] = [];
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
    const minimal = await startChild(
      {
        DATABASE_URL: database.url,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      MINIMAL_BOT,
    );
    children.push(app, bare, minimal);
    const idleMb = app.rssMb();
    const bareIdleMb = bare.rssMb();
    const agent = new Agent({ keepAlive: true });
    const senders = 32;
    let updateId = 1;
    for (let s = 0; s < senders; s++)
      await send(agent, hook(app.port), textUpdate(updateId++, 900_000 + s, '/start'));
    const users: Array<{ id: string }> = await (async () => {
      const c = new Client({ connectionString: database.url });
      await c.connect();
      const r = await c.query(`SELECT id FROM users ORDER BY telegram_chat_id`);
      await c.end();
      return r.rows;
    })();
    // Warm-up.
    await closedLoop(senders, 2000, (i, s) => ({
      target: hook(app.port),
      body: textUpdate(updateId++, 900_000 + s, PHRASES[i % PHRASES.length]),
    }));

    const before = await statementCount(database.url);
    const appCpu0 = app.cpuMs();
    const { result: appLoad, peakMb } = await peakRss(app, () =>
      closedLoop(senders, scale.durationMs, (i, s) => ({
        target: hook(app.port),
        body: textUpdate(updateId++, 900_000 + s, PHRASES[i % PHRASES.length]),
      })),
    );
    const appCpuMs = app.cpuMs() - appCpu0;
    await new Promise((r) => setTimeout(r, 1500)); // pg_stat counters are flushed about once a second
    const commits = (await statementCount(database.url)) - before;
    log(
      `webhook: ${appLoad.perSecond.toFixed(0)} updates/s, p50 ${appLoad.p50Ms.toFixed(1)} ms, p99 ${appLoad.p99Ms.toFixed(1)} ms, peak RSS ${peakMb.toFixed(0)} MB`,
    );
    // The anchor right after the app, same senders, same updates, same fake Bot API.
    await closedLoop(senders, 2000, (i, s) => ({
      target: hook(minimal.port),
      body: textUpdate(updateId++, 900_000 + s, PHRASES[i % PHRASES.length]),
    }));
    const minimalFirstId = updateId;
    const minimalSent0 = telegram.sent('sendMessage').length;
    const minimalCpu0 = minimal.cpuMs();
    const minimalLoad = await closedLoop(senders, scale.durationMs, (i, s) => ({
      target: hook(minimal.port),
      body: textUpdate(updateId++, 900_000 + s, PHRASES[i % PHRASES.length]),
    }));
    const minimalCpuMs = minimal.cpuMs() - minimalCpu0;
    const minimalReplies = telegram.sent('sendMessage').length - minimalSent0;
    const minimalRows = await (async () => {
      const c = new Client({ connectionString: database.url });
      await c.connect();
      const r = await c.query(`SELECT count(*)::int AS n FROM minimal_updates WHERE update_id >= $1`, [
        minimalFirstId,
      ]);
      await c.end();
      return Number(r.rows[0].n);
    })();
    log(
      `minimal bot: ${minimalLoad.perSecond.toFixed(0)} updates/s, p50 ${minimalLoad.p50Ms.toFixed(1)} ms, p99 ${minimalLoad.p99Ms.toFixed(1)} ms, ` +
        `${(minimalCpuMs / Math.max(1, minimalLoad.requests)).toFixed(2)} ms CPU/update; ${minimalRows} rows, ${minimalReplies} replies for ${minimalLoad.requests} updates`,
    );
    await minimal.stop();
    const bareCpu0 = bare.cpuMs();
    const { result: bareLoad, peakMb: barePeakMb } = await peakRss(bare, () =>
      closedLoop(senders, scale.durationMs, (i, s) => ({
        target: hook(bare.port),
        body: textUpdate(updateId++, 900_000 + s, PHRASES[i % PHRASES.length]),
      })),
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
    const appOpen = await openLoop(rate, scale.openLoopMs, (i) => ({
      target: hook(app.port),
      body: textUpdate(updateId++, 900_000 + (i % senders), PHRASES[i % PHRASES.length]),
    }));
    const bareOpen = await openLoop(rate, scale.openLoopMs, (i) => ({
      target: hook(bare.port),
      body: textUpdate(updateId++, 900_000 + (i % senders), PHRASES[i % PHRASES.length]),
    }));
    log(
      `open loop ${rate}/s: app p50 ${appOpen.p50Ms.toFixed(1)} ms p99 ${appOpen.p99Ms.toFixed(1)} ms; bare p99 ${bareOpen.p99Ms.toFixed(1)} ms`,
    );

    // A user with 100 and a user with many transactions.
    const smallChat = 1_000_001;
    const largeChat = 1_000_002;
    await send(agent, hook(app.port), textUpdate(updateId++, smallChat, '/start'));
    await send(agent, hook(app.port), textUpdate(updateId++, largeChat, '/start'));
    const c = new Client({ connectionString: database.url });
    await c.connect();
    const idOf = async (chat: number) =>
      (await c.query(`SELECT id FROM users WHERE telegram_chat_id = $1`, [chat])).rows[0].id as string;
    const smallId = await idOf(smallChat);
    const largeId = await idOf(largeChat);
    const seed = (userId: string, n: number) =>
      c.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at, source)
         SELECT $1, CASE WHEN g % 5 = 0 THEN 'income' ELSE 'expense' END, (g % 997 + 1) * 100, CASE WHEN g % 7 = 0 THEN 'USD' ELSE 'UZS' END,
                CASE WHEN g % 5 = 0 THEN 'salary' ELSE 'groceries' END, 'bench ' || g, now() - (g || ' minutes')::interval, 'api'
         FROM generate_series(1, $2::int) g`,
        [userId, n],
      );
    await seed(smallId, 100);
    await seed(largeId, scale.bigUserRows);
    await c.query('ANALYZE transactions');
    await c.end();
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
        target: hook(app.port),
        body: textUpdate(updateId++, smallChat, '/balance'),
      })),
      large: await sequential(n, () => ({
        target: hook(app.port),
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

    // REST: login (verified, Mini App init_data; a distinct client address per request, so the per-IP limit does not
    // apply) and list, 16 senders each.
    const restSenders = 16;
    const login = await closedLoop(restSenders, Math.min(scale.durationMs, 10_000), (i) => {
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
    const tokens = users.map((u) => bearer(u.id));
    const list = await closedLoop(restSenders, Math.min(scale.durationMs, 10_000), (i) => ({
      target: {
        port: app.port,
        path: '/api/transactions/?page_size=20',
        method: 'GET',
        headers: { authorization: tokens[i % tokens.length] },
      },
    }));
    const bareRest = await closedLoop(restSenders, Math.min(scale.durationMs, 10_000), () => ({
      target: { port: bare.port, path: '/api/transactions/' },
      body: '{}',
    }));
    log(
      `REST: login ${login.perSecond.toFixed(0)}/s, list ${list.perSecond.toFixed(0)}/s, bare ${bareRest.perSecond.toFixed(0)}/s`,
    );

    const stats = new Client({ connectionString: database.url });
    await stats.connect();
    // The bot's own recordings (pg alone's rows use update ids from 50,000,000 up).
    const recorded = Number(
      (
        await stats.query(
          `SELECT count(*)::int AS n FROM transactions WHERE source = 'text' AND source_update_id < 50000000`,
        )
      ).rows[0].n,
    );
    await stats.end();
    agent.destroy();
    const replies = telegram.sent('sendMessage').length;
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
        app: appLoad,
        bare: bareLoad,
        minimal: minimalLoad,
        minimalCpuMsPerUpdate: minimalCpuMs / Math.max(1, minimalLoad.requests),
        minimalRows,
        minimalReplies,
        pgAlone: pg,
        commitsPerUpdate: commits / Math.max(1, appLoad.requests),
        senders,
        cpuMsPerUpdate: appCpuMs / Math.max(1, appLoad.requests),
        bareCpuMsPerRequest: bareCpuMs / Math.max(1, bareLoad.requests),
      },
      openLoop: { rate, app: appOpen, bare: bareOpen },
      largeUser: { rows: { small: 100, large: scale.bigUserRows }, balanceCommand, restBalance, restList },
      rest: { login, list, bare: bareRest, senders: restSenders },
      rss: { idleMb, peakUnderLoadMb: peakMb, bareIdleMb, barePeakMb },
      coldStart: { appMs, bareMs },
      recorded,
      replies,
      botApi: { rate: botApiRate, result: botApi, ownProcess },
    };
  } finally {
    for (const ch of children) await ch.stop();
    await telegram.stop();
    await database.drop();
  }
}
