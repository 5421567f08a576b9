/**
 * Exports cannot hold the pool. The attack: clients start GET /api/transactions/export/, read 64 KB and then stop
 * reading (a paused reader), so the server's socket buffers fill and the export has to wait. Once, eleven such readers
 * held all ten pool connections "idle in transaction" and every other request got 503.
 *
 * Now, with eleven paused readers from one user and then from eleven users: another user's list and /health/ stay
 * 200 the whole time, no connection sits idle in a transaction, a user's second export is refused with 429, exports
 * over the instance's limit with 503 (both with Retry-After), and a stalled export is aborted after
 * EXPORT_STALL_TIMEOUT_SECONDS, which frees its slot.
 */
import { ClientRequest, IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { Client } from 'pg';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TestApp } from '../helpers/test-app';
import { sleep } from './helpers';
import { scaled } from './scale';

const STALL_SECONDS = 4;
/** Rows per user: about 560 bytes of CSV each, so one export (9 MB and more) is far larger than the socket buffers. */
const ROWS = scaled(16_000, 40_000);
const USERS = 11;
const PAUSE_AFTER = 64 * 1024;

interface Reader {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body of a refused request. */
  body: string;
  received: () => number;
  /** Reads on to the end: how many bytes came and whether the response was complete. */
  resume: () => Promise<{ bytes: number; complete: boolean }>;
  req: ClientRequest;
}

/** GET that reads 64 KB of a 200 and then pauses (or reads a refusal whole). */
function pausedReader(port: number, token: string, path = '/api/transactions/export/'): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, agent: false, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        let bytes = 0;
        let body = '';
        let paused = false;
        const ended = new Promise<{ bytes: number; complete: boolean }>((done) => {
          res.on('close', () => done({ bytes, complete: res.complete }));
          res.on('error', () => undefined);
        });
        const reader: Reader = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: '',
          received: () => bytes,
          resume: () => {
            res.resume();
            return ended;
          },
          req,
        };
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (res.statusCode !== 200) body += chunk.toString('utf8');
          else if (bytes >= PAUSE_AFTER && !paused) {
            paused = true;
            res.pause();
            resolve(reader);
          }
        });
        res.on('end', () => resolve({ ...reader, body }));
      },
    );
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
}

describe('resilience: paused export readers cannot hold the database', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let observer: Client | undefined;
  let users: Array<{ token: string; userId: string }>;
  let bystander: { token: string; userId: string };
  let fullSize = 0;

  beforeAll(async () => {
    t = await startTestApp({
      TELEGRAM_BOT_TOKEN: undefined,
      BOT_MODE: 'none',
      EXPORT_STALL_TIMEOUT_SECONDS: String(STALL_SECONDS),
    });
    server = t.app.getHttpServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
    users = [];
    for (let i = 0; i < USERS; i++) users.push(await accessTokenFor(t, 7_700_001 + i));
    bystander = await accessTokenFor(t, 7_700_100);
    await t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at)
       SELECT u.id, 'expense', g, 'UZS', 'transport', repeat(md5(g::text), 15), timestamptz '2025-01-01T00:00:00Z' + g * interval '1 minute'
         FROM unnest($1::uuid[]) AS u(id), generate_series(1, $2::int) g`,
      [users.map((u) => u.userId), ROWS],
    );
    await t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at) VALUES ($1, 'expense', 5, 'UZS', 'cafe', now())`,
      [bystander.userId],
    );
    // Watches the database from outside the app's pool (which the attack would exhaust). The embedded engine serves
    // the app's one connection only: there the pool checks are the list and /health/ answering.
    if (t.config.databaseUrl?.startsWith('postgres')) {
      observer = new Client({ connectionString: t.config.databaseUrl });
      await observer.connect();
    }
  });
  afterAll(async () => {
    await observer?.end();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await t?.close();
  });

  /** Connections of the app's database sitting idle inside a transaction. */
  const idleInTransaction = async () =>
    observer &&
    ((
      await observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
      )
    ).rows[0].n as number);

  /** For `ms`: another user's list and /health/ answer 200 (each within the pool's wait), and nothing idles in a transaction. */
  async function othersStayServed(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const [list, health] = await Promise.all([
        t.http.get('/api/transactions/').set('Authorization', `Bearer ${bystander.token}`),
        t.http.get('/health/'),
      ]);
      expect([list.status, health.status]).toEqual([200, 200]);
      expect(list.body.results.map((r: { amount: string }) => r.amount)).toEqual(['5.00']);
      expect(await idleInTransaction()).toBeFalsy();
      await sleep(200);
    }
  }

  /** Reads a whole export of `who`; the number of bytes. */
  async function fullExport(who: { token: string }): Promise<number> {
    const res = await t.http
      .get('/api/transactions/export/')
      .set('Authorization', `Bearer ${who.token}`)
      .buffer(true)
      .parse((r, done) => {
        let n = 0;
        r.on('data', (c: Buffer) => (n += c.length));
        r.on('end', () => done(null, n));
      })
      .expect(200);
    return res.body as number;
  }

  /** Resolves when `who` can start an export again (their stalled one was aborted); the seconds it took. */
  async function secondsUntilFreed(who: { token: string }, since: number): Promise<number> {
    for (;;) {
      const r = await t.http
        .get('/api/transactions/export/?type=income')
        .set('Authorization', `Bearer ${who.token}`);
      if (r.status === 200) return (Date.now() - since) / 1000;
      expect(r.status).toBe(429);
      if (Date.now() - since > (STALL_SECONDS + 15) * 1000)
        throw new Error('the stalled export was never aborted');
      await sleep(250);
    }
  }

  it('a whole export still comes through for a reader that reads', async () => {
    fullSize = await fullExport(users[0]);
    expect(fullSize).toBeGreaterThan(ROWS * 500);
  });

  it('eleven paused readers of one user: the others stay served, the second export is 429, the stalled one is aborted', async () => {
    const started = Date.now();
    const readers = await Promise.all(Array.from({ length: 11 }, () => pausedReader(port, users[0].token)));
    await othersStayServed(1500);

    const ok = readers.filter((r) => r.status === 200);
    const refused = readers.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.status)).toEqual(Array(10).fill(429));
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(r.body)).toEqual({
        detail: expect.stringMatching(/already running.*Expected available in \d+ seconds?\.$/),
      });
    }

    // The paused reader took nothing for STALL_SECONDS: its export is aborted and the user may export again.
    const freedAfter = await secondsUntilFreed(users[0], started);
    expect(freedAfter).toBeGreaterThanOrEqual(STALL_SECONDS - 0.5);
    const cut = await ok[0].resume();
    expect(cut.complete).toBe(false);
    expect(cut.bytes).toBeLessThan(fullSize);
  });

  it('eleven paused readers of eleven users: at most the instance limit run, the rest get 503, all stalled ones are aborted', async () => {
    const readers = await Promise.all(users.map((u) => pausedReader(port, u.token)));
    await othersStayServed(1500);

    const running = readers.filter((r) => r.status === 200);
    const busy = readers.filter((r) => r.status !== 200);
    expect(running).toHaveLength(t.config.exports.maxConcurrent);
    expect(busy.every((r) => r.status === 503 && Number(r.headers['retry-after']) > 0)).toBe(true);
    expect(JSON.parse(busy[0].body)).toEqual({
      detail: expect.stringMatching(/Too many exports.*Expected available in \d+ seconds?\.$/),
    });

    // Every stalled export is cut after the timeout (its user may export again); then the other users get their turn.
    const started = Date.now();
    await Promise.all(
      users.filter((_, i) => readers[i].status === 200).map((u) => secondsUntilFreed(u, started)),
    );
    const cut = await Promise.all(running.map((r) => r.resume()));
    expect(cut.every((c) => !c.complete && c.bytes < fullSize)).toBe(true);
    const waiting = users
      .filter((_, i) => readers[i].status !== 200)
      .slice(0, t.config.exports.maxConcurrent);
    const sizes = await Promise.all(waiting.map((u) => fullExport(u)));
    expect(sizes.every((n) => n === fullSize)).toBe(true);
    await othersStayServed(300);
  });
});
