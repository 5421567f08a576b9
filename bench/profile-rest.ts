/**
 * Profiles one REST endpoint under load, like bench/profile-webhook.ts does the webhook: the app as its own process,
 * 16 users with 100 transactions each, 16 clients (closed loop, Bearer tokens) on REST_PATH for PROFILE_SECONDS (10),
 * printing requests/s, p50/p99, the app's CPU per request and the statements per request.
 *   node -r ts-node/register/transpile-only bench/profile-rest.ts                      # GET /api/transactions/?page_size=20
 *   REST_PATH=/api/transactions/balance/ node -r ts-node/register/transpile-only bench/profile-rest.ts
 *   REST_PATH=login …                     # POST /api/users/auth/telegram-login/ with verified init_data
 *   CPU_PROF=1 / PG_STATEMENTS=1 …        # as in profile-webhook.ts
 * Env: DATABASE_URL (a test database server), LOG_LEVEL (default info).
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { Client } from 'pg';
import { signInitData } from '../src/modules/auth/telegram-proof';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import {
  benchAppEnv,
  BENCH_SECRETS,
  ensureBuilt,
  printStatements,
  ROOT,
  startChild,
  webhookTarget,
} from './child';
import { closedLoop, send, Target } from './load';

const { secretKey: SECRET_KEY, botToken: TOKEN } = BENCH_SECRETS;
const CLIENTS = 16;

async function main(): Promise<void> {
  ensureBuilt();
  const path = process.env.REST_PATH ?? '/api/transactions/?page_size=20';
  const telegram = await new FakeTelegram().start();
  const db = await createTestDatabase();
  const args = process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'profiles')}`] : [];
  const statementsFile = join(ROOT, 'profiles', `pg-statements-${process.pid}.json`);
  if (process.env.PG_STATEMENTS) args.push('-r', join(ROOT, 'bench', 'pg-statements.js'));
  const app = await startChild(
    {
      ...benchAppEnv(db.url, telegram.url),
      ...(process.env.PG_STATEMENTS ? { PG_STATEMENTS_FILE: statementsFile } : {}),
    },
    undefined,
    args,
  );
  let sent = 0;
  try {
    const agent = new Agent({ keepAlive: true });
    for (let s = 0; s < CLIENTS; s++)
      await send(
        agent,
        webhookTarget(app.port),
        JSON.stringify({
          update_id: s + 1,
          message: {
            message_id: 1,
            from: { id: 800_000 + s, is_bot: false, first_name: 'R' },
            chat: { id: 800_000 + s, type: 'private' },
            date: Math.floor(Date.now() / 1000),
            text: '/start',
            entities: [{ type: 'bot_command', offset: 0, length: 6 }],
          },
        }),
      );
    agent.destroy();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const ids = (await c.query(`SELECT id FROM users ORDER BY telegram_chat_id`)).rows.map(
      (r) => r.id as string,
    );
    await c.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at, source)
       SELECT u, CASE WHEN g % 5 = 0 THEN 'income' ELSE 'expense' END, 1000 + g, 'UZS', CASE WHEN g % 5 = 0 THEN 'salary' ELSE 'groceries' END, 'bench', now() - g * interval '1 hour', 'api'
       FROM unnest($1::uuid[]) u, generate_series(1, 100) g`,
      [ids],
    );
    await c.end();
    const bearer = (userId: string) =>
      `Bearer ${sign({ token_type: 'access', user_id: userId, jti: randomUUID() }, SECRET_KEY, { algorithm: 'HS256', expiresIn: 3600 })}`;
    const tokens = ids.map(bearer);
    const request = (i: number): { target: Target; body?: string } =>
      path === 'login'
        ? {
            target: {
              port: app.port,
              path: '/api/users/auth/telegram-login/',
              headers: { 'x-forwarded-for': `198.18.${(i >> 8) & 255}.${i & 255}` },
            },
            body: JSON.stringify({
              telegram_chat_id: 800_000 + (i % CLIENTS),
              init_data: signInitData(TOKEN, {
                user: JSON.stringify({ id: 800_000 + (i % CLIENTS), first_name: 'R' }),
                auth_date: String(Math.floor(Date.now() / 1000)),
              }),
            }),
          }
        : {
            target: {
              port: app.port,
              path,
              method: 'GET',
              headers: { authorization: tokens[i % tokens.length] },
            },
          };
    const cpu0 = app.cpuMs();
    const r = await closedLoop(CLIENTS, Number(process.env.PROFILE_SECONDS ?? 10) * 1000, (i) => request(i));
    const cpu = app.cpuMs() - cpu0;
    sent = r.requests;
    process.stdout.write(
      `${path}: ${r.perSecond.toFixed(0)} requests/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors}; ` +
        `app CPU ${(cpu / r.requests).toFixed(2)} ms/request\n`,
    );
  } finally {
    await app.stop();
    if (process.env.PG_STATEMENTS && sent) {
      printStatements(statementsFile, sent, 'request (start-up included)', 12);
    }
    await telegram.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
