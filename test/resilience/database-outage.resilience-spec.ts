/**
 * PostgreSQL outage mid-load. The app reaches PostgreSQL through a loopback TCP proxy; a third of the way into the
 * load the proxy is cut (every connection dropped, new ones refused), then restored. During the outage the webhook
 * answers 5xx (Telegram keeps the update and retries); after the restore every update is re-sent until answered
 * 200, then everything once more (Telegram's duplicate deliveries). Every update is recorded exactly once.
 */
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { startTestApp, TestApp } from '../helpers/test-app';
import { effectsPerUpdate, redeliver, sendAll, sleep } from './helpers';
import { scaled } from './scale';
import { TcpProxy, throughProxy } from './tcp-proxy';
import { describeOnPostgresServer } from './postgres';

const N = scaled(150, 1200);
const SENDERS = 8;
const chatOf = (id: number) => 7_100_000 + (id % 10);

describeOnPostgresServer('resilience: PostgreSQL outage mid-load', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    t = await startTestApp({}, { database, databaseUrl: (url) => throughProxy(url, proxy) });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await database?.drop();
  });

  it(`${N} text updates: 5xx while the database is away, each recorded exactly once after redelivery`, async () => {
    const ids = Array.from({ length: N }, (_, i) => 8_000_000 + i);
    let outageAnswers = 0;
    const statuses = await sendAll(
      () => t,
      ids,
      SENDERS,
      chatOf,
      async (sent) => {
        if (sent === Math.floor(N / 3)) proxy.cut();
        if (proxy.isDown) outageAnswers++;
        if (sent === Math.floor((2 * N) / 3)) {
          await sleep(200);
          proxy.restore();
        }
      },
    );
    const failed = [...statuses.values()].filter((s) => s !== 200);
    expect(outageAnswers).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0); // the outage was real
    expect(failed.every((s) => s >= 500)).toBe(true); // a temporary failure is a 5xx, never a 4xx Telegram would drop

    const redeliveries = await redeliver(t, statuses, chatOf);
    // Telegram may deliver anything again: every update once more, concurrently.
    await sendAll(() => t, ids, SENDERS, chatOf);

    const effects = await effectsPerUpdate(t, ids);
    const wrong = [...effects].filter(([, n]) => n !== 1);
    expect(wrong).toEqual([]);
    const guard = await t.db.query(
      `SELECT status, count(*)::int AS n FROM processed_updates WHERE update_id = ANY($1::bigint[]) GROUP BY status`,
      [ids],
    );
    expect(guard).toEqual([{ status: 'done', n: N }]);
    await t.http.get('/health/').expect(200);
    process.stderr.write(
      `[resilience] outage: ${failed.length} of ${N} deliveries answered 5xx, ${redeliveries} redeliveries, all ${N} recorded once\n`,
    );
  });

  it('health answers 503 while the database is away and 200 after', async () => {
    proxy.cut();
    try {
      await t.http.get('/health/').expect(503);
    } finally {
      proxy.restore();
    }
    for (let i = 0; i < 20; i++) {
      if ((await t.http.get('/health/')).status === 200) return;
      await sleep(250);
    }
    throw new Error('not healthy after restore');
  });
});
