import type { CategoriesService } from '../categories/categories.service';
import type { HouseholdsService } from '../households/households.service';
import type { RatesService } from '../rates/rates.service';
import type { Transaction } from '../transactions/transaction.entity';
import type { UsersService } from '../users/users.service';
import type { Budget } from './budget.entity';
import type { BudgetsRepository } from './budgets.repository';
import { BudgetAlertSender, BudgetsService } from './budgets.service';

const USER = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2026-12-15T07:00:00Z');

const budget = (over: Partial<Budget> = {}): Budget =>
  ({
    id: 'b1',
    userId: USER,
    householdId: null,
    category: 'cafe',
    amount: 100_000_00n,
    currency: 'UZS',
    period: 'month',
    ...over,
  }) as Budget;

const expense = (over: Partial<Transaction> = {}): Transaction =>
  ({
    id: 't1',
    userId: USER,
    householdId: null,
    type: 'expense',
    category: 'cafe',
    amount: 1n,
    currency: 'UZS',
    occurredAt: new Date('2026-12-10T07:00:00Z'),
    ...over,
  }) as Transaction;

/** The service over fakes: `spentMinor` is the period's spending, `taken` the thresholds another instance claimed. */
function setup(spentMinor: bigint, taken: number[] = [], failingSender = false) {
  const budgets = [budget()];
  const claimed: number[][] = [];
  const sent: Array<[string, string]> = [];
  const repo = {
    ofScope: jest.fn(async (_o: unknown, wallet: string) =>
      budgets.filter((b) => (b.householdId ? 'household' : 'personal') === wallet),
    ),
    spending: jest.fn(async () => [{ day: '2026-12-10', currency: 'UZS', amountMinor: spentMinor }]),
    claimAlerts: jest.fn(async (_b: Budget, _p: string, thresholds: number[]) => {
      const mine = thresholds.filter((t) => !taken.includes(t));
      taken.push(...mine);
      claimed.push(mine);
      return mine;
    }),
    recipients: jest.fn(async () => [{ userId: USER, chatId: '42', language: 'en' }]),
  } as unknown as BudgetsRepository;
  const sender: BudgetAlertSender = {
    available: () => true,
    send: async (chatId, text) => {
      if (failingSender) throw new Error('down');
      sent.push([chatId, text]);
    },
  };
  const service = new BudgetsService(
    repo,
    {
      getById: async () => ({ id: USER, timezone: 'America/New_York', currency: 'UZS' }),
    } as unknown as UsersService,
    { walletMembership: async () => null } as unknown as HouseholdsService,
    {} as CategoriesService,
    {} as RatesService,
    { now: () => NOW },
    sender,
  );
  return { service, claimed, sent, repo };
}

describe('BudgetsService.afterRecorded', () => {
  it.each([
    [79_999_99n, [], []],
    [80_000_00n, [[80]], ['⚠️ ☕ Cafes & restaurants: 80% of the budget spent, 20,000 UZS left.']],
    [
      100_000_00n,
      [[80, 100]],
      ['🚨 ☕ Cafes & restaurants: budget used up — 100,000 UZS of 100,000 UZS spent.'],
    ],
  ])('spent %s → claims %j and sends %j', async (spent, claims, texts) => {
    const { service, claimed, sent } = setup(spent);
    const lines = await service.afterRecorded(USER, [expense()]);
    await service.settled();
    expect(lines).toEqual([expect.objectContaining({ id: 'b1', spentMinor: spent })]);
    expect(claimed).toEqual(claims);
    expect(sent.map(([, text]) => text)).toEqual(texts);
  });

  it('sends nothing when another instance holds the highest threshold, even if this call claimed a lower one', async () => {
    const { service, claimed, sent } = setup(100_000_00n, [100]);
    await service.afterRecorded(USER, [expense()]);
    await service.settled();
    expect(claimed).toEqual([[80]]);
    expect(sent).toEqual([]);
  });

  it('ignores incomes, other categories, other wallets and records outside the period', async () => {
    const { service, repo } = setup(100_000_00n);
    const outside = [
      expense({ type: 'income' }),
      expense({ category: 'transport' }),
      expense({ householdId: 'h1' }),
      // 1 December 03:00 UTC is still November in New York, the user's zone.
      expense({ occurredAt: new Date('2026-12-01T03:00:00Z') }),
    ];
    expect(await service.afterRecorded(USER, outside)).toEqual([]);
    expect(repo.spending).not.toHaveBeenCalled();
  });

  it('a failing sender does not fail the caller', async () => {
    const { service } = setup(100_000_00n, [], true);
    await expect(service.afterRecorded(USER, [expense()])).resolves.toHaveLength(1);
    await expect(service.settled()).resolves.toBeUndefined();
  });
});
