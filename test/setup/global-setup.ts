/**
 * Runs once before the e2e suites. With DATABASE_URL set (CI: the local PostgreSQL), checks that it is a test
 * database and reachable; each test file then creates its own database beside it. Without DATABASE_URL every
 * test app runs on its own in-memory embedded engine (PGlite).
 */
import { connect } from 'node:net';
import { Client } from 'pg';
import { assertTestDatabaseUrl } from '../helpers/test-database';

/** Whether a Redis answers at TEST_REDIS_URL (default the machine's 127.0.0.1:6379): a TCP connect, 500 ms. */
function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export default async function globalSetup(): Promise<void> {
  // The Redis-shared rate-limit tests need a Redis; .ci/run starts one and sets REQUIRE_REDIS=1 (so CI never skips
  // them). On a laptop without Redis they are skipped with a printed reason; everything else runs.
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.TEST_REDIS_AVAILABLE = (await redisReachable(process.env.TEST_REDIS_URL)) ? '1' : '0';
  if (process.env.TEST_REDIS_AVAILABLE === '0') {
    if (process.env.REQUIRE_REDIS)
      throw new Error(`REQUIRE_REDIS is set but no Redis answers at ${process.env.TEST_REDIS_URL}`);
    process.stderr.write(
      `\n[e2e] no Redis at ${process.env.TEST_REDIS_URL}: the Redis-shared rate-limit tests are skipped (start redis-server to run them)\n`,
    );
  }
  const url = process.env.DATABASE_URL;
  if (!url || url.startsWith('pglite://')) {
    process.stderr.write('\n[e2e] DATABASE_URL not set: using the embedded engine (PGlite) per test file\n');
    return;
  }
  assertTestDatabaseUrl(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
  process.stderr.write(`\n[e2e] using PostgreSQL at ${new URL(url).host}${new URL(url).pathname}\n`);
}
