import type { DataSource } from 'typeorm';
import { BotSessionsRepository } from './bot-sessions.repository';
import { closeUpdateScope, openUpdateScope } from './update-scope';

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
  it('inside an update, the flows share the state its claim read; a write makes the next read fresh', async () => {
    const { db, repo } = fakeDb();
    const u1 = { id: 'u1' };
    openUpdateScope(u1, db.state);
    expect(await repo.getState(u1)).toEqual({ awaiting: 'amount', id: 'q1' });
    expect(await repo.getState(u1)).toEqual({ awaiting: 'amount', id: 'q1' });
    expect(db.selects).toBe(0);
    await repo.setState(u1, { awaiting: 'currency', id: 'q2' });
    expect(await repo.getState(u1)).toEqual({ awaiting: 'currency', id: 'q2' });
    expect(await repo.getState(u1)).toEqual({ awaiting: 'currency', id: 'q2' });
    expect(db.selects).toBe(1);
    await repo.clearStateIf(u1, 'q2');
    expect(await repo.getState(u1)).toBeNull();
    expect(await repo.getState(u1)).toBeNull();
    expect(db.selects).toBe(2);
  });

  it('a claim that found no session state gives null without a read', async () => {
    const { db, repo } = fakeDb();
    const u1 = { id: 'u1' };
    openUpdateScope(u1, undefined);
    expect(await repo.getState(u1)).toBeNull();
    expect(db.selects).toBe(0);
  });

  it('a caller changing the object it got does not change what the next one reads', async () => {
    const { repo } = fakeDb();
    const u1 = { id: 'u1' };
    openUpdateScope(u1, { awaiting: 'amount', id: 'q1' });
    const first = (await repo.getState(u1)) as { id: string };
    first.id = 'changed';
    expect(await repo.getState(u1)).toEqual({ awaiting: 'amount', id: 'q1' });
  });

  it('a user object without a scope (jobs, REST, another person) is read from the database every time', async () => {
    const { db, repo } = fakeDb();
    await repo.getState({ id: 'u1' });
    const u1 = { id: 'u1' };
    await repo.getState(u1);
    await repo.getState(u1);
    expect(db.selects).toBe(3);
  });

  it('once the update is closed (before its done-mark), its user object is read from the database again', async () => {
    const { db, repo } = fakeDb();
    const u1 = { id: 'u1' };
    openUpdateScope(u1, db.state);
    await repo.getState(u1);
    expect(db.selects).toBe(0);
    expect(closeUpdateScope(u1)?.sessionState).toBe(JSON.stringify({ awaiting: 'amount', id: 'q1' }));
    await repo.getState(u1);
    expect(db.selects).toBe(1);
    expect(closeUpdateScope(u1)).toBeUndefined();
  });

  it('two updates of one user at once do not share their scopes', async () => {
    const { db, repo } = fakeDb();
    const [a, b] = [{ id: 'u1' }, { id: 'u1' }];
    openUpdateScope(a, db.state);
    openUpdateScope(b, db.state);
    await repo.setState(a, { awaiting: 'currency', id: 'q2' });
    // b still has what its own claim read; a write by a does not reach b's memo (nor did it with one memo per update)
    expect(await repo.getState(b)).toEqual({ awaiting: 'amount', id: 'q1' });
    expect(await repo.getState(a)).toEqual({ awaiting: 'currency', id: 'q2' });
    expect(db.selects).toBe(1);
  });
});
