import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../bench/child';
import { TEST_BOT_TOKEN, TEST_SECRET_KEY, TEST_WEBHOOK_SECRET, TestApp } from '../helpers/test-app';
import { postUpdate, textUpdate } from '../helpers/updates';

/** One text update per id that records exactly one expense of a distinct amount (id + 1000 sum). */
export function recordingUpdate(updateId: number, chatId: number): Record<string, unknown> {
  return textUpdate(updateId, chatId, `кофе ${1000 + updateId}`);
}

/** Sends every update id through `senders` concurrent loops; resolves with each id's HTTP status. */
export async function sendAll(
  pick: (i: number) => TestApp,
  ids: number[],
  senders: number,
  chatOf: (id: number) => number,
  onSent?: (count: number) => void | Promise<void>,
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const res = await postUpdate(pick(id), recordingUpdate(id, chatOf(id)));
        statuses.set(id, res.status);
        sent++;
        await onSent?.(sent);
      }
    }),
  );
  return statuses;
}

/** Telegram's redelivery: re-sends every update not yet answered 200 until all are, within `rounds`. */
export async function redeliver(
  t: TestApp,
  statuses: Map<number, number>,
  chatOf: (id: number) => number,
  rounds = 40,
  pauseMs = 250,
): Promise<number> {
  let redeliveries = 0;
  for (let round = 0; round < rounds; round++) {
    const pending = [...statuses].filter(([, s]) => s !== 200).map(([id]) => id);
    if (!pending.length) return redeliveries;
    for (const id of pending) {
      const res = await postUpdate(t, recordingUpdate(id, chatOf(id)));
      statuses.set(id, res.status);
      redeliveries++;
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  const stuck = [...statuses].filter(([, s]) => s !== 200);
  const rows = await t.db.query(
    `SELECT update_id, status, attempts, now() - attempted_at AS age FROM processed_updates WHERE update_id = ANY($1::bigint[])`,
    [stuck.map(([id]) => id)],
  );
  throw new Error(
    `updates still failing after ${rounds} redelivery rounds: ${JSON.stringify(stuck)}; guard rows: ${JSON.stringify(rows)}`,
  );
}

/** Transactions recorded per update id, for the ids given. */
export async function effectsPerUpdate(t: TestApp, ids: number[]): Promise<Map<number, number>> {
  const rows: Array<{ id: string; n: number }> = await t.db.query(
    `SELECT source_update_id::text AS id, count(*)::int AS n FROM transactions WHERE source_update_id = ANY($1::bigint[]) GROUP BY source_update_id`,
    [ids],
  );
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const r of rows) counts.set(Number(r.id), r.n);
  return counts;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChildApp {
  child: ChildProcess;
  port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code, once it exits. */
  exited: Promise<number | null>;
}

/**
 * `node src/main.ts` (ts-node, the current source) in its own process, as production runs it (webhook mode with the
 * test secret, the test bot token), on a free loopback port; resolves once /health/ answers 200. `env` adds to or
 * overrides that environment.
 */
export async function startChildApp(env: Record<string, string>): Promise<ChildApp> {
  const port = await freePort();
  const root = join(__dirname, '..', '..');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(root, 'src', 'main.ts')],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        SECRET_KEY: TEST_SECRET_KEY,
        DEBUG: 'False',
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        BOT_MODE: 'webhook',
        TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; ; i++) {
    if (i > 240 || child.exitCode !== null) {
      if (child.exitCode === null) child.kill('SIGKILL');
      throw new Error(`the child never became healthy:\n${output}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/health/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return { child, port, output: () => output, exited };
}
