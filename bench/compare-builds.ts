/**
 * Two (or more) builds of the app side by side on the webhook, for a step's before/after (docs/benchmarks-analysis.md):
 * each build as its own process on its own fresh database, the same fake Bot API, 32 registered senders; then, in
 * ROUNDS alternating rounds (A B A B …), for each build a closed loop (32 senders, 5 s: updates/s and app CPU per
 * update) and a fixed 200 updates/s (open loop, 5 s: app CPU share and p50/p99 from the scheduled send time).
 *   git worktree add --detach ../before <commit> && ln -s "$PWD/node_modules" ../before/ && (cd ../before && npx nest build)
 *   node -r ts-node/register/transpile-only bench/compare-builds.ts ../before/dist dist
 * Env: DATABASE_URL (a test database server), LOG_LEVEL (info), TEXT (what every sender sends; default a phrase that records),
 * ROUNDS (3), NODE_ARGS (node flags for every app process).
 */
import { Agent } from 'node:http';
import { resolve } from 'node:path';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { benchAppEnv, Child, ROOT, startChild, webhookTarget } from './child';
import { closedLoop, openLoop, send, Target, textUpdate } from './load';

const SENDERS = 32;
const RATE = 200;
const TEXT = process.env.TEXT ?? 'Потратил 50000 сум на продукты';

async function main(): Promise<void> {
  const builds = process.argv.slice(2);
  if (!builds.length) throw new Error('Usage: compare-builds.ts <dist dir> [<dist dir> …]');
  const telegram = await new FakeTelegram().start();
  const started: Array<{ build: string; app: Child; target: Target; drop: () => Promise<void> }> = [];
  let id = 1;
  const next = (sender: number) => textUpdate(id++, 900_000 + (sender % SENDERS), TEXT);
  try {
    for (const build of builds) {
      const db = await createTestDatabase();
      const app = await startChild(
        benchAppEnv(db.url, telegram.url),
        resolve(ROOT, build, 'main.js'),
        (process.env.NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      ).catch(async (error: unknown) => {
        await db.drop();
        throw error;
      });
      const target = webhookTarget(app.port);
      started.push({ build, app, target, drop: () => db.drop() });
      const agent = new Agent({ keepAlive: true });
      for (let s = 0; s < SENDERS; s++) await send(agent, target, textUpdate(id++, 900_000 + s, '/start'));
      agent.destroy();
      await closedLoop(SENDERS, 3000, (_i, s) => ({ target, body: next(s) })); // warm-up
    }
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
      for (const { build, app, target } of started) {
        let cpu0 = app.cpuMs();
        const closed = await closedLoop(SENDERS, 5000, (_i, s) => ({ target, body: next(s) }));
        const closedCpu = (app.cpuMs() - cpu0) / closed.requests;
        cpu0 = app.cpuMs();
        const wall0 = Date.now();
        const fixed = await openLoop(RATE, 5000, (i) => ({ target, body: next(i) }));
        const share = (app.cpuMs() - cpu0) / (Date.now() - wall0);
        process.stdout.write(
          `${build.padEnd(14)} closed loop ${closed.perSecond.toFixed(0)}/s, ${closedCpu.toFixed(2)} ms CPU/update | ` +
            `${RATE}/s: app CPU ${(share * 100).toFixed(0)} % (${((share * 1000) / RATE).toFixed(2)} ms/update), ` +
            `p50 ${fixed.p50Ms.toFixed(1)} ms, p99 ${fixed.p99Ms.toFixed(1)} ms | errors ${closed.errors + fixed.errors}\n`,
        );
      }
    }
  } finally {
    for (const { app, drop } of started) {
      await app.stop();
      await drop();
    }
    await telegram.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
