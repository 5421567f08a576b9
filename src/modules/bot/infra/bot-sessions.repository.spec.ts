import type { DataSource } from 'typeorm';
import { BotSessionsRepository } from './bot-sessions.repository';
import { inUpdateScope } from './update-scope';

/** A DataSource that answers SELECT state with the current value and counts the statements. */
function fakeDb() {
  const db = { state: { awaiting: 'amount', id: 'q1' } as unknown, selects: 0, writes: 0 };
  const dataSource = {
    query: async (sql: string, params: unknown[]) => {
      if (sql.startsWith('SELECT state')) {
        db.selects++;
        return [{ state: db.state }];
      }
      db.writes++;
      if (sql.includes('INSERT INTO bot_sessions (user_id, is_active, state)'))
        db.state = JSON.parse(params[1] as string);
      else db.state = null;
      return [{ id: 'x', had: true }];
    },
  } as unknown as DataSource;
  return { db, repo: new BotSessionsRepository(dataSource) };
}

describe('BotSessionsRepository: one read of the state per update', () => {
  it('inside an update, the flows share one read; a write makes the next read fresh', async () => {
    const { db, repo } = fakeDb();
    await inUpdateScope(async () => {
      expect(await repo.getState('u1')).toEqual({ awaiting: 'amount', id: 'q1' });
      expect(await repo.getState('u1')).toEqual({ awaiting: 'amount', id: 'q1' });
      expect(db.selects).toBe(1);
      await repo.setState('u1', { awaiting: 'currency', id: 'q2' });
      expect(await repo.getState('u1')).toEqual({ awaiting: 'currency', id: 'q2' });
      expect(db.selects).toBe(2);
      await repo.clearStateIf('u1', 'q2');
      expect(await repo.getState('u1')).toBeNull();
      expect(await repo.getState('u1')).toBeNull();
      expect(db.selects).toBe(3);
      // another user is another entry
      await repo.getState('u2');
      expect(db.selects).toBe(4);
    });
  });

  it('a caller changing the object it got does not change what the next one reads', async () => {
    const { repo } = fakeDb();
    await inUpdateScope(async () => {
      const first = (await repo.getState('u1')) as { id: string };
      first.id = 'changed';
      expect(await repo.getState('u1')).toEqual({ awaiting: 'amount', id: 'q1' });
    });
  });

  it('outside an update (jobs, REST) every read goes to the database', async () => {
    const { db, repo } = fakeDb();
    await repo.getState('u1');
    await repo.getState('u1');
    expect(db.selects).toBe(2);
  });

  it('two updates at once do not share their memos', async () => {
    const { db, repo } = fakeDb();
    await Promise.all([inUpdateScope(() => repo.getState('u1')), inUpdateScope(() => repo.getState('u1'))]);
    expect(db.selects).toBe(2);
  });
});
