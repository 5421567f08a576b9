/**
 * Profiles the webhook under load: the app as its own process (`node dist/main.js`, optionally `--cpu-prof`),
 * 32 senders for PROFILE_SECONDS (10), printing updates/s, p50/p99, the app's CPU per update and the statements the
 * database ran per update (pg_stat_statements is not needed: it counts calls with pg_stat_database.xact_commit).
 *   node -r ts-node/register/transpile-only bench/profile-webhook.ts            # figures only
 *   CPU_PROF=1 node -r ts-node/register/transpile-only bench/profile-webhook.ts # + a .cpuprofile in ./profiles/
 *   PG_STATEMENTS=1 …                     # + the statements the app sent per update, by text (bench/pg-statements.js)
 * Summarise a profile with bench/profile-summary.ts (`--last 11.5` for the load window of a 10 s run).
 * Env: DATABASE_URL (a test database server), DATABASE_POOL_SIZE, LOG_LEVEL (default info), PROFILE_TEXT (the message
 * every sender sends; default a phrase that records, e.g. /help for the floor: claim, reply, done-mark).
 */
import { Agent } from 'node:http';
import { join } from 'node:path';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { benchAppEnv, ensureBuilt, printStatements, ROOT, startChild, webhookTarget } from './child';
import { closedLoop, send, textUpdate } from './load';

async function main(): Promise<void> {
  ensureBuilt();
  const telegram = await new FakeTelegram().start();
  const db = await createTestDatabase();
  const args = process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'profiles')}`] : [];
  const statementsFile = join(ROOT, 'profiles', `pg-statements-${process.pid}.json`);
  if (process.env.PG_STATEMENTS) args.push('-r', join(ROOT, 'bench', 'pg-statements.js'));
  // e.g. PROFILE_NODE_ARGS=--max-semi-space-size=32: node flags for the app process
  if (process.env.PROFILE_NODE_ARGS) args.push(...process.env.PROFILE_NODE_ARGS.split(/\s+/).filter(Boolean));
  const app = await startChild(
    {
      ...benchAppEnv(db.url, telegram.url),
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
      ...(process.env.PG_STATEMENTS ? { PG_STATEMENTS_FILE: statementsFile } : {}),
    },
    undefined,
    args,
  );
  let sent = 0;
  try {
    const target = webhookTarget(app.port);
    const agent = new Agent({ keepAlive: true });
    let id = 1;
    for (let s = 0; s < 32; s++) await send(agent, target, textUpdate(id++, 900_000 + s, '/start'));
    agent.destroy();
    const { Client } = await import('pg');
    const stats = new Client({ connectionString: db.url });
    await stats.connect();
    const commits = async () =>
      Number(
        (
          await stats.query(
            `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`,
          )
        ).rows[0].n,
      );
    const c0 = await commits();
    const cpu0 = app.cpuMs();
    const r = await closedLoop(32, Number(process.env.PROFILE_SECONDS ?? 10) * 1000, (_i, s) => ({
      target,
      body: textUpdate(id++, 900_000 + s, process.env.PROFILE_TEXT ?? 'Потратил 50000 сум на продукты'),
    }));
    const cpu = app.cpuMs() - cpu0;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const statements = (await commits()) - c0;
    await stats.end();
    sent = r.requests + 32;
    process.stdout.write(
      `${r.perSecond.toFixed(0)} updates/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors}; ` +
        `app CPU ${(cpu / r.requests).toFixed(2)} ms/update; ${(statements / r.requests).toFixed(1)} database transactions/update\n`,
    );
  } finally {
    await app.stop();
    if (process.env.PG_STATEMENTS) {
      // Counted over the whole process life: start-up, 32 /start and the load (per update: divided by all updates sent).
      printStatements(statementsFile, sent, 'update', 30);
    }
    await telegram.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
