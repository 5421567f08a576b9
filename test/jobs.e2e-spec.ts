import { randomUUID } from 'node:crypto';
import { JobContext, JOBS_SCHEMA, JobsService } from '../src/modules/jobs/jobs.service';
import { startTestApp, TestApp } from './helpers/test-app';
import { createTestDatabase } from './helpers/test-database';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The job engine (pg-boss) on the test database: the same engine the voice worker and reminders use. */
describe('JobsService (pg-boss on the app database)', () => {
  let t: TestApp;
  let jobs: JobsService;

  beforeAll(async () => {
    t = await startTestApp();
    jobs = t.app.get(JobsService);
  });
  afterAll(() => t.close());

  it('runs a job once, and a second send with the same id is a no-op', async () => {
    await jobs.define({
      name: 'test-once',
      retryLimit: 0,
      retryDelay: 1,
      retryBackoff: false,
      expireInSeconds: 30,
    });
    const seen: string[] = [];
    await jobs.work<{ n: number }>('test-once', async (data) => {
      seen.push(String(data.n));
    });
    const id = randomUUID();
    expect(await jobs.send('test-once', { n: 1 }, { id })).toBe(id);
    expect(await jobs.send('test-once', { n: 2 }, { id })).toBeNull();
    await until(async () => (await jobs.countJobs('test-once', ['completed'])) === 1);
    expect(seen).toEqual(['1']);
  });

  it('retries a failing job and tells the handler which attempt is the last', async () => {
    await jobs.define({
      name: 'test-retry',
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: false,
      expireInSeconds: 30,
    });
    const attempts: JobContext[] = [];
    await jobs.work(
      'test-retry',
      async (_data, job) => {
        attempts.push(job);
        if (!job.lastAttempt) throw new Error('temporary');
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await jobs.send('test-retry', {});
    await until(async () => (await jobs.countJobs('test-retry', ['completed'])) === 1, 30_000);
    expect(attempts.map((a) => [a.retryCount, a.lastAttempt])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });

  it('a job enqueued inside a rolled-back transaction never runs', async () => {
    await jobs.define({
      name: 'test-tx',
      retryLimit: 0,
      retryDelay: 1,
      retryBackoff: false,
      expireInSeconds: 30,
    });
    await expect(
      t.db.transaction(async (manager) => {
        await jobs.send('test-tx', { n: 1 }, { manager });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await t.db.transaction(async (manager) => {
      await jobs.send('test-tx', { n: 2 }, { manager });
    });
    expect(await jobs.countJobs('test-tx', ['created'])).toBe(1);
  });
});

/** The embedded engine is one process's own database: no second instance can race it, so this runs on a server. */
const onServer = process.env.DATABASE_URL?.startsWith('postgres') ? it : it.skip;

describe('JobsService: instances starting together on one database', () => {
  onServer(
    'several instances defining the same queues at once all start (no deadlock), and the queue exists once',
    async () => {
      const database = await createTestDatabase();
      const apps: TestApp[] = [];
      try {
        // Four instances start at once on a fresh database: migrations, pg-boss's schema and the queues all race.
        const started = await Promise.allSettled(
          Array.from({ length: 4 }, () =>
            startTestApp({ STT_PROVIDER: 'openai', STT_BASE_URL: 'http://127.0.0.1:9/v1' }, { database }),
          ),
        );
        for (const s of started) if (s.status === 'fulfilled') apps.push(s.value);
        expect(
          started
            .filter((s) => s.status === 'rejected')
            .map((s) => String((s as PromiseRejectedResult).reason)),
        ).toEqual([]);
        const rows: Array<{ name: string }> = await apps[0].db.query(
          `SELECT name FROM ${JOBS_SCHEMA}.queue WHERE name IN ('voice', 'reminders') ORDER BY name`,
        );
        expect(rows.map((r) => r.name)).toEqual(['reminders', 'voice']);
      } finally {
        await Promise.all(apps.map((a) => a.close()));
        await database.drop();
      }
    },
  );
});
