/**
 * Two app instances on one database (as behind a load balancer) receive the same updates at the same time — each
 * update POSTed to both at once, as a Telegram retry racing the first delivery would. Every effect happens once:
 * one transaction and one reply per update; the loser of each race answers 200 (duplicate) or 5xx (in flight
 * elsewhere, Telegram retries and then gets the duplicate).
 */
import { FakeTelegram } from '../fakes/fake-telegram';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { startTestApp, TestApp } from '../helpers/test-app';
import { postUpdate } from '../helpers/updates';
import { effectsPerUpdate, recordingUpdate } from './helpers';
import { scaled } from './scale';
import { describeOnPostgresServer } from './postgres';

const N = scaled(80, 600);
const chatOf = (id: number) => 7_300_000 + (id % 9);

describeOnPostgresServer('resilience: two instances, one database, the same updates concurrently', () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new FakeTelegram().start();
    // Both boot together: migrations run once under the advisory lock.
    [a, b] = await Promise.all([
      startTestApp({}, { database, telegram }),
      startTestApp({}, { database, telegram }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await telegram?.stop();
    await database?.drop();
  });

  it(`${N} updates, each delivered to both instances at once: one transaction and one reply each`, async () => {
    const ids = Array.from({ length: N }, (_, i) => 8_400_000 + i);
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          const body = recordingUpdate(id, chatOf(id));
          const [ra, rb] = await Promise.all([postUpdate(a, body), postUpdate(b, body)]);
          statuses.push(ra.status, rb.status);
          // Telegram retries what was not answered 200 until it is.
          for (const [res, app] of [
            [ra, a],
            [rb, b],
          ] as const) {
            let status = res.status;
            for (let i = 0; status !== 200 && i < 50; i++) {
              await new Promise((r) => setTimeout(r, 50));
              status = (await postUpdate(app, body)).status;
            }
            expect(status).toBe(200);
          }
        }
      }),
    );
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const effects = await effectsPerUpdate(a, ids);
    expect([...effects].filter(([, n]) => n !== 1)).toEqual([]);
    const replies = new Map<number, number>();
    for (const call of telegram.sent('sendMessage'))
      replies.set(Number(call.chat_id), (replies.get(Number(call.chat_id)) ?? 0) + 1);
    const total = [...replies.values()].reduce((x, y) => x + y, 0);
    expect(total).toBe(N); // one reply per update, none twice
    const migrations = await a.db.query(
      `SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name HAVING count(*) > 1`,
    );
    expect(migrations).toEqual([]);
  });
});
