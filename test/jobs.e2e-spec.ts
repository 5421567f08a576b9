import { randomUUID } from 'node:crypto';
import { JobContext, JobsService } from '../src/modules/jobs/jobs.service';
import { startTestApp, TestApp } from './helpers/test-app';

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
    await jobs.define({ name: 'test-once', retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 });
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
    await jobs.define({ name: 'test-retry', retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 });
    const attempts: JobContext[] = [];
    await jobs.work('test-retry', async (_data, job) => {
      attempts.push(job);
      if (!job.lastAttempt) throw new Error('temporary');
    }, { pollingIntervalSeconds: 0.5 });
    await jobs.send('test-retry', {});
    await until(async () => (await jobs.countJobs('test-retry', ['completed'])) === 1, 30_000);
    expect(attempts.map((a) => [a.retryCount, a.lastAttempt])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });

  it('a job enqueued inside a rolled-back transaction never runs', async () => {
    await jobs.define({ name: 'test-tx', retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 });
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
