/**
 * SIGTERM under load: `node src/main.ts` (ts-node, the current source) serves the webhook while updates are in
 * flight (the fake Bot API answers slowly so they are); SIGTERM arrives. The process stops accepting, finishes every
 * update it had accepted (200, recorded once, guard row done), leaves no partial write, and exits 0. Updates it did
 * not accept are redelivered (as Telegram does) to a new instance and recorded once.
 */
import type { ChildProcess } from 'node:child_process';
import { FakeTelegram } from '../fakes/fake-telegram';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { startTestApp, TEST_WEBHOOK_SECRET } from '../helpers/test-app';
import { postUpdate, SECRET_HEADER } from '../helpers/updates';
import { effectsPerUpdate, recordingUpdate, sleep, startChildApp } from './helpers';
import { scaled } from './scale';
import { describeOnPostgresServer } from './postgres';

const N = scaled(60, 400);
const chatOf = (id: number) => 7_400_000 + (id % 11);

async function post(port: number, body: object): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: TEST_WEBHOOK_SECRET },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // refused or reset: Telegram would retry
  }
}

describeOnPostgresServer('resilience: SIGTERM under load', () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new FakeTelegram().start();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await telegram?.stop();
    await database?.drop();
  });

  it(`${N} updates in flight at SIGTERM: accepted ones finish once, nothing partial, exit 0`, async () => {
    const started = await startChildApp({ DATABASE_URL: database.url, TELEGRAM_API_ROOT: telegram.url });
    child = started.child;
    const { port, exited } = started;

    // Replies take 300 ms: many updates are mid-handler when the signal lands.
    telegram.on('sendMessage', async (call) => {
      await sleep(300);
      return {
        message_id: 1,
        date: 0,
        chat: { id: Number(call.params.chat_id), type: 'private' },
        text: call.params.text,
      };
    });
    const ids = Array.from({ length: N }, (_, i) => 8_500_000 + i);
    const statuses = new Map<number, number>();
    const inFlight = ids.map(async (id, i) => {
      await sleep(i * 10);
      statuses.set(id, await post(port, recordingUpdate(id, chatOf(id))));
    });
    await sleep(Math.min(400, N * 5));
    child.kill('SIGTERM');
    await Promise.all(inFlight);
    const code = await exited;
    expect({ code, output: code === 0 ? '' : started.output() }).toEqual({ code: 0, output: '' });

    const accepted = ids.filter((id) => statuses.get(id) === 200);
    const refused = ids.filter((id) => statuses.get(id) !== 200);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.every((id) => [0, 503].includes(statuses.get(id)!))).toBe(true); // refused or "retry later", never 4xx/500

    const check = await startTestApp({}, { database, telegram });
    try {
      const stuck = await check.db.query(
        `SELECT update_id FROM processed_updates WHERE status = 'processing'`,
      );
      expect(stuck).toEqual([]); // no half-done update
      const effects = await effectsPerUpdate(check, ids);
      for (const id of accepted) expect([id, effects.get(id)]).toEqual([id, 1]);
      // Telegram redelivers what was not answered 200: recorded once, on the new instance.
      for (const id of refused) await postUpdate(check, recordingUpdate(id, chatOf(id))).expect(200);
      const after = await effectsPerUpdate(check, ids);
      expect([...after].filter(([, n]) => n !== 1)).toEqual([]);
      process.stderr.write(
        `[resilience] SIGTERM: ${accepted.length} accepted and finished, ${refused.length} refused and redelivered, exit ${code}\n`,
      );
    } finally {
      await check.close();
    }
  });
});
