/**
 * What the stack costs by itself (docs/benchmarks-analysis.md, "The floor of the prescribed stack"): the anchor's work
 * (one INSERT … ON CONFLICT and one reply per text update) on plain node:http (bench/minimal-bot.js) and on NestJS +
 * nestjs-telegraf over Express and over Fastify (bench/minimal-nest-bot.ts); OvozPay's own work for a recorded phrase
 * (its four statements, parser and reply, the app's compiled code) on plain node:http (bench/lean-bot.js); OvozPay
 * answering `/help` (the claim, one reply, the done-mark) and recording a phrase. Each its own process on one database and one fake Bot API,
 * 32 senders in a closed loop, ROUNDS (3) alternating rounds of RUN_SECONDS (5) each; prints updates/s and app CPU per
 * update, and the medians. Then the HTTP layer alone: GET /health/ (a constant answer) on a bare node:http server and on both Nest
 * adapters, 16 clients.
 *   npm run build && node -r ts-node/register/transpile-only bench/stack-floor.ts
 * Env: DATABASE_URL (a test database server), ROUNDS, RUN_SECONDS (not SECONDS: bash keeps its own),
 * STACK_FLOOR_PROFILE=1 (a CPU profile of bench/lean-bot.js in ./profiles, for bench/profile-summary.ts).
 */
import { Agent } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import {
  BARE_SERVER,
  benchAppEnv,
  Child,
  ensureBuilt,
  LEAN_BOT,
  MINIMAL_BOT,
  ROOT,
  startChild,
  webhookTarget,
} from './child';
import { closedLoop, send, textUpdate } from './load';
import { median } from './stats';

const SENDERS = 32;
const PHRASE = 'Потратил 50000 сум на продукты';

async function main(): Promise<void> {
  ensureBuilt();
  const telegram = await new FakeTelegram().start();
  const db = await createTestDatabase();
  const children: Child[] = [];
  try {
    // the minimal bots read their four variables (database, token, Bot API, secret) from the app's environment
    const env = benchAppEnv(db.url, telegram.url);
    const app = await startChild(env);
    children.push(app);
    const anchor = await startChild(env, MINIMAL_BOT);
    children.push(anchor);
    const nest = await startChild(env, join(ROOT, 'bench', 'minimal-nest-bot.ts'), [
      '-r',
      'ts-node/register/transpile-only',
    ]);
    children.push(nest);
    const nestFastify = await startChild(
      { ...env, NEST_ADAPTER: 'fastify' },
      join(ROOT, 'bench', 'minimal-nest-bot.ts'),
      ['-r', 'ts-node/register/transpile-only'],
    );
    children.push(nestFastify);
    // started after the app, which migrated the database it reads (and whose /start made the senders' users)
    const lean = await startChild(
      env,
      LEAN_BOT,
      process.env.STACK_FLOOR_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'profiles')}`] : [],
    );
    children.push(lean);
    let id = 1;
    const agent = new Agent({ keepAlive: true });
    for (let s = 0; s < SENDERS; s++)
      await send(agent, webhookTarget(app.port), textUpdate(id++, 900_000 + s, '/start'));
    agent.destroy();
    // `records`: each update is a transaction row (checked after every run: none lost, none doubled)
    const rows: Array<{ name: string; child: Child; text: string; records?: boolean }> = [
      { name: 'anchor: node:http + telegraf + pg', child: anchor, text: PHRASE },
      { name: 'the same on Nest + Express + nestjs-telegraf', child: nest, text: PHRASE },
      { name: 'the same on Nest + Fastify + nestjs-telegraf', child: nestFastify, text: PHRASE },
      {
        name: "OvozPay's own work alone on node:http (bench/lean-bot.js)",
        child: lean,
        text: PHRASE,
        records: true,
      },
      { name: 'OvozPay, /help (claim, reply, done-mark)', child: app, text: '/help' },
      { name: 'OvozPay, a phrase recorded', child: app, text: PHRASE, records: true },
    ];
    const counter = new Client({ connectionString: db.url });
    await counter.connect();
    const recorded = async () =>
      Number((await counter.query('SELECT count(*) AS n FROM transactions')).rows[0].n);
    const seconds = Number(process.env.RUN_SECONDS ?? 5);
    const run = async (row: (typeof rows)[number], ms: number) => {
      const before = row.records ? await recorded() : 0;
      const cpu0 = row.child.cpuMs();
      const r = await closedLoop(SENDERS, ms, (_i, s) => ({
        target: webhookTarget(row.child.port),
        body: textUpdate(id++, 900_000 + s, row.text),
      }));
      const cpuMs = (row.child.cpuMs() - cpu0) / r.requests;
      if (row.records && (await recorded()) - before !== r.requests - r.errors)
        throw new Error(
          `${row.name}: ${r.requests - r.errors} updates answered, ${(await recorded()) - before} recorded`,
        );
      return { perSecond: r.perSecond, cpuMs, errors: r.errors };
    };
    for (const row of rows) await run(row, 2000); // warm-up
    const results = rows.map(() => [] as Array<{ perSecond: number; cpuMs: number; errors: number }>);
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++)
      for (const [i, row] of rows.entries()) {
        const r = await run(row, seconds * 1000);
        results[i].push(r);
        process.stdout.write(
          `${row.name}: ${r.perSecond.toFixed(0)} updates/s, ${r.cpuMs.toFixed(2)} ms CPU/update, errors ${r.errors}\n`,
        );
      }
    process.stdout.write('\nmedians:\n');
    for (const [i, row] of rows.entries())
      process.stdout.write(
        `${row.name}: ${median(results[i].map((r) => r.perSecond)).toFixed(0)} updates/s, ` +
          `${median(results[i].map((r) => r.cpuMs)).toFixed(2)} ms CPU/update\n`,
      );

    // The HTTP layer alone: GET /health/ answered with a constant (no database), 16 clients, as the REST runs.
    const bare = await startChild(env, BARE_SERVER);
    children.push(bare);
    const getRows = [
      { name: 'GET /health/, bare node:http', child: bare },
      { name: 'GET /health/, Nest + Express', child: nest },
      { name: 'GET /health/, Nest + Fastify', child: nestFastify },
    ];
    const get = async (child: Child, ms: number) => {
      const cpu0 = child.cpuMs();
      const r = await closedLoop(16, ms, () => ({
        target: { port: child.port, path: '/health/', method: 'GET' },
        body: '',
      }));
      return { perSecond: r.perSecond, cpuMs: (child.cpuMs() - cpu0) / r.requests, errors: r.errors };
    };
    for (const row of getRows) await get(row.child, 1000); // warm-up
    const getResults = getRows.map(() => [] as Array<{ perSecond: number; cpuMs: number }>);
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++)
      for (const [i, row] of getRows.entries()) {
        const r = await get(row.child, seconds * 1000);
        getResults[i].push(r);
        process.stdout.write(
          `${row.name}: ${r.perSecond.toFixed(0)} requests/s, ${r.cpuMs.toFixed(3)} ms CPU/request, errors ${r.errors}\n`,
        );
      }
    process.stdout.write('\nmedians:\n');
    for (const [i, row] of getRows.entries())
      process.stdout.write(
        `${row.name}: ${median(getResults[i].map((r) => r.perSecond)).toFixed(0)} requests/s, ` +
          `${median(getResults[i].map((r) => r.cpuMs)).toFixed(3)} ms CPU/request\n`,
      );
    await counter.end();
  } finally {
    for (const child of children) await child.stop();
    await telegram.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
