import { DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery } from '../src/database/prepared';
import { UsersService } from '../src/modules/users/users.service';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';

/** The hot statements as named prepared statements on the pool (src/database/prepared.ts, issue 16). */
describe('prepared statements (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  // Sequential use takes the pool's most recently released connection: the check runs where the statement ran.
  const preparedHere = async (marker: string): Promise<number> =>
    (
      await preparedQuery<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%' || $1 || '%' AND name LIKE 'ovz_%'`,
        [`/* ${marker} */`],
      )
    )[0].n;

  it('is parsed once per connection and then run by name, with the right answers', async () => {
    const text = `SELECT $1::int + 1 AS n /* prepared-spec */`;
    for (let i = 0; i < 30; i++) expect(await preparedQuery(db, text, [i])).toEqual([{ n: i + 1 }]);
    expect(await preparedHere('prepared-spec')).toBe(1);
  });

  // Twenty at once use every pooled connection, so each one has the statement prepared.
  const everywhere = <T>(run: () => Promise<T>) => Promise.allSettled(Array.from({ length: 20 }, run));
  const outcomes = (all: PromiseSettledResult<unknown>[]) =>
    all.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'));
  async function withAddedColumn(work: () => Promise<void>): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN prepared_spec_extra int`);
    try {
      await work();
    } finally {
      await db.query(`ALTER TABLE users DROP COLUMN prepared_spec_extra`);
    }
  }

  it('keeps working when a migration adds a column while it is prepared (columns named, never *)', async () => {
    const users = t.app.get(UsersService);
    const { userId } = await accessTokenFor(t, 7001);
    expect(outcomes(await everywhere(() => users.getById(userId)))).toEqual(Array(20).fill('ok'));
    await withAddedColumn(async () => {
      const read = await everywhere(() => users.getById(userId));
      expect(outcomes(read)).toEqual(Array(20).fill('ok'));
      expect(read[0]).toMatchObject({ value: { telegramChatId: 7001n } });
      expect((await users.findById(userId))?.id).toBe(userId);
    });
  });

  // What `*` would do to a running instance during a rolling deploy; on a real server only (the embedded engine
  // drops the connection on that error instead of answering it).
  (process.env.DATABASE_URL ? it : it.skip)('would fail with * (why columns are named)', async () => {
    const { userId } = await accessTokenFor(t, 7002);
    const star = () => preparedQuery(db, `SELECT * FROM users WHERE id = $1 /* star-spec */`, [userId]);
    expect(outcomes(await everywhere(star))).toEqual(Array(20).fill('ok'));
    await withAddedColumn(async () => {
      expect(outcomes(await everywhere(star))).toContain(
        'QueryFailedError: cached plan must not change result type',
      );
    });
  });

  it('fails as TypeORM queries fail (QueryFailedError with the driver error)', async () => {
    const failed = preparedQuery(db, `SELECT 1 / $1::int AS n`, [0]);
    await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failed).rejects.toMatchObject({ driverError: { code: '22012' } });
  });
});
