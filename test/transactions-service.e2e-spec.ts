import { DomainError } from '../src/common/errors/domain-error';
import { NewTransaction, TransactionsService } from '../src/modules/transactions/transactions.service';
import { startTestApp, TestApp } from './helpers/test-app';
import { accessTokenFor } from './helpers/auth';

/** TransactionsService as the bot uses it: real repositories on a fresh database. */
describe('TransactionsService for the bot (e2e)', () => {
  let t: TestApp;
  let service: TransactionsService;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };

  const item = (over: Partial<NewTransaction> = {}): NewTransaction => ({
    type: 'expense',
    amountMinor: 5_000_000n,
    currency: 'UZS',
    category: 'groceries',
    description: 'продукты',
    occurredAt: new Date('2026-11-29T07:00:00Z'),
    ...over,
  });
  const count = async (userId: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM transactions WHERE user_id = $1`, [userId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    service = t.app.get(TransactionsService);
    alice = await accessTokenFor(t, 3001);
    bob = await accessTokenFor(t, 3002);
  });
  afterAll(() => t?.close());

  it('records several items of one update once, however often the update comes', async () => {
    const items = [
      item(),
      item({
        type: 'income',
        amountMinor: 20_000_000n,
        currency: 'USD',
        category: 'salary',
        description: 'зарплата',
      }),
    ];
    const first = await service.recordMany(alice.userId, items, { kind: 'text', updateId: 900001n });
    expect(
      first.map((r) => [r.type, r.amount, r.currency, r.category, r.source, r.sourceUpdateId, r.sourceItem]),
    ).toEqual([
      ['expense', 5_000_000n, 'UZS', 'groceries', 'text', 900001n, 0],
      ['income', 20_000_000n, 'USD', 'salary', 'text', 900001n, 1],
    ]);
    const again = await service.recordMany(alice.userId, items, { kind: 'text', updateId: 900001n });
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    const racing = await Promise.all(
      [1, 2, 3].map(() => service.recordMany(alice.userId, items, { kind: 'text', updateId: 900001n })),
    );
    for (const rows of racing) expect(rows.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(await count(alice.userId)).toBe(2);

    const listed = await t.http
      .get('/api/transactions/?ordering=amount')
      .set({ Authorization: `Bearer ${alice.token}` })
      .expect(200);
    expect(listed.body.results.map((r: { amount: string; source: string }) => [r.amount, r.source])).toEqual([
      ['50000.00', 'text'],
      ['200000.00', 'text'],
    ]);
  });

  it('records every call without an update id, all-or-nothing', async () => {
    const before = await count(bob.userId);
    await service.recordMany(bob.userId, [item()], { kind: 'voice' });
    await service.recordMany(bob.userId, [item()], { kind: 'voice' });
    expect(await count(bob.userId)).toBe(before + 2);
    await expect(
      service.recordMany(bob.userId, [item(), item({ category: 'salary' })], {
        kind: 'text',
        updateId: 900002n,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: { 'items[1].category': ['"salary" is not a valid choice for type "expense".'] },
    });
    await expect(
      service.recordMany(bob.userId, [item({ amountMinor: 0n })], { kind: 'text' }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      service.recordMany(bob.userId, [item({ amountMinor: 10n ** 15n })], { kind: 'text' }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      service.recordMany(bob.userId, [item({ currency: 'GBP' })], { kind: 'text' }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await count(bob.userId)).toBe(before + 2);
    expect(await service.recordMany(bob.userId, [], { kind: 'text' })).toEqual([]);
  });

  it('undoes the most recently created transaction, one per call', async () => {
    const carol = await accessTokenFor(t, 3003);
    expect(await service.undoLast(carol.userId)).toBeNull();
    await service.recordMany(carol.userId, [item({ description: 'first' })], {
      kind: 'text',
      updateId: 900010n,
    });
    await service.recordMany(
      carol.userId,
      [item({ description: 'second a' }), item({ description: 'second b' })],
      { kind: 'text', updateId: 900011n },
    );
    expect((await service.undoLast(carol.userId))?.description).toBe('second b');
    expect((await service.undoLast(carol.userId))?.description).toBe('second a');
    expect((await service.undoLast(carol.userId))?.description).toBe('first');
    expect(await service.undoLast(carol.userId)).toBeNull();
  });

  it('sets a category (validated) and deletes only owned rows', async () => {
    const [tx] = await service.recordMany(alice.userId, [item({ description: 'кофе' })], {
      kind: 'text',
      updateId: 900020n,
    });
    expect((await service.setCategory(alice.userId, tx.id, 'cafe')).category).toBe('cafe');
    await expect(service.setCategory(alice.userId, tx.id, 'salary')).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(service.setCategory(bob.userId, tx.id, 'cafe')).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.setCategory(alice.userId, 'nope', 'cafe')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await service.deleteOwned(bob.userId, tx.id)).toBe(false);
    expect(await service.deleteOwned(alice.userId, 'not-a-uuid')).toBe(false);
    expect(await service.deleteOwned(alice.userId, tx.id)).toBe(true);
    expect(await service.deleteOwned(alice.userId, tx.id)).toBe(false);
  });

  it("an update's new rows come back as stored (no read-back), and a redelivery reads them as stored", async () => {
    const items = [
      item({ description: '  хлеб  ', amountMinor: 800_000n }),
      item({ description: 'молоко', amountMinor: 1_200_000n, currency: 'USD' }),
    ];
    const first = await service.recordMany(alice.userId, items, { kind: 'text', updateId: 7_700_001n });
    const stored = await service.findByUpdate(alice.userId, 7_700_001n);
    expect(first.map((r) => r.sourceItem)).toEqual([0, 1]);
    expect(first).toEqual(stored);
    const again = await service.recordMany(alice.userId, items, { kind: 'text', updateId: 7_700_001n });
    expect(again).toEqual(stored);
  });
});
