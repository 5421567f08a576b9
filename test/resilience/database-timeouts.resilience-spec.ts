/**
 * The pool's statement and idle-in-transaction timeouts (DATABASE_STATEMENT_TIMEOUT_SECONDS,
 * DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS): every pool connection carries them, a statement or an idle
 * transaction over the limit is ended by PostgreSQL, and the work that legitimately waits longer is not cut — an
 * instance starting while another holds the migration lock and the job engine's start lock (as when several
 * instances start together and one migrates a big table) waits and starts. PostgreSQL server only: the embedded
 * engine has one connection owned by the process and gets no timeouts.
 */
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { startTestApp, TestApp } from '../helpers/test-app';
import { sleep } from './helpers';

const onServer = !!process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('pglite');
/** src/database/data-source.ts and src/modules/jobs/jobs.service.ts ('ovozjobs' in ASCII). */
const MIGRATION_LOCK = '7042025001';
const JOBS_LOCK = BigInt('0x6f766f7a6a6f6273').toString();

(onServer ? describe : describe.skip)(
  'resilience: statement and idle-in-transaction timeouts on the pool',
  () => {
    let database: TestDatabase;
    let t: TestApp;
    let holder: Client;
    let waitedMs = 0;

    beforeAll(async () => {
      database = await createTestDatabase();
      // Another instance "migrating": it holds the migration lock, then the job engine's start lock, 2.5 s each —
      // longer than this instance's 1 s statement timeout.
      holder = new Client({ connectionString: database.url });
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1), pg_advisory_lock($2)', [MIGRATION_LOCK, JOBS_LOCK]);
      const release = (async () => {
        await sleep(2500);
        await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        await sleep(2500);
        await holder.query('SELECT pg_advisory_unlock($1)', [JOBS_LOCK]);
      })();
      const started = Date.now();
      t = await startTestApp(
        { DATABASE_STATEMENT_TIMEOUT_SECONDS: '1', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '1' },
        { database },
      );
      waitedMs = Date.now() - started;
      await release;
    });
    afterAll(async () => {
      await holder?.end();
      await t?.close();
      await database?.drop();
    });

    it('an instance waiting longer than the statement timeout for the migration and job-engine locks still starts', async () => {
      expect(waitedMs).toBeGreaterThanOrEqual(4500);
      await t.http.get('/health/').expect(200);
      const migrations = await t.db.query(`SELECT count(*)::int AS n FROM typeorm_migrations`);
      expect(migrations[0].n).toBeGreaterThan(0);
      const jobs = await t.db.query(`SELECT count(*)::int AS n FROM pgboss.queue`);
      expect(jobs[0].n).toBeGreaterThan(0);
    });

    it('every pool connection carries both timeouts (the one that migrated got them back)', async () => {
      const seen = await Promise.all(
        Array.from({ length: t.config.databasePoolSize }, () =>
          t.db.query(
            `SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i, pg_backend_pid() AS pid, pg_sleep(0.2)`,
          ),
        ),
      );
      expect(new Set(seen.map((r) => r[0].pid)).size).toBeGreaterThan(1);
      expect(new Set(seen.map((r) => `${r[0].s} / ${r[0].i}`))).toEqual(new Set(['1s / 1s']));
    });

    it('a statement over the limit is cancelled, and the app answers on', async () => {
      await expect(t.db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({
        driverError: { code: '57014' },
      });
      await t.http.get('/health/').expect(200);
    });

    it('a transaction left idle over the limit is ended by the server, and the pool recovers', async () => {
      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query('SELECT 1');
        await sleep(1800);
        await expect(runner.query('SELECT 1')).rejects.toThrow();
      } finally {
        await runner.release().catch(() => undefined);
      }
      for (let i = 0; i < 5; i++) await t.http.get('/health/').expect(200);
    });
  },
);
