import {
  BUDGET_BUTTON_CATEGORIES,
  BUDGET_CALLBACK_RE,
  BudgetNewAction,
  CALLBACK_DATA_MAX_BYTES,
  decodeBudgetDelete,
  decodeBudgetNew,
  decodePlan,
  decodeCallback,
  encodeBudgetDelete,
  encodeBudgetNew,
  encodeCallback,
} from './callback-data';
import {
  budgetCategoryKeyboard,
  budgetPeriodKeyboard,
  budgetsKeyboard,
  budgetWalletKeyboard,
} from './budgets.keyboards';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('the ✖ buttons under /budget', () => {
  it('round-trips a budget id within Telegram limits, and no other router takes it', () => {
    const data = encodeBudgetDelete(ID);
    expect(data).toBe('bx:0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d');
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(decodeBudgetDelete(data)).toBe(ID);
    expect(decodeCallback(data)).toBeNull();
    expect(decodePlan(data)).toBeNull();
  });

  it.each(['bx:', 'bx:xyz', `bx:${'0'.repeat(31)}`, 'b:12', undefined])('refuses %s', (data) => {
    expect(decodeBudgetDelete(data)).toBeNull();
  });

  it('one row per budget with its name; none without budgets', () => {
    const line = {
      id: ID,
      category: 'cafe',
      customName: null,
      wallet: 'personal' as const,
      period: 'month' as const,
      currency: 'UZS',
      amountMinor: 1n,
      spentMinor: 0n,
      remainingMinor: 1n,
      percent: 0,
    };
    expect(budgetsKeyboard('en', [line])).toEqual({
      inline_keyboard: [
        [{ text: '✖ ☕ Cafes & restaurants', callback_data: encodeBudgetDelete(ID) }],
        [{ text: '➕ New budget', callback_data: 'bn:' }],
      ],
    });
    expect(budgetsKeyboard('ru', [])).toEqual({
      inline_keyboard: [[{ text: '➕ Новый бюджет', callback_data: 'bn:' }]],
    });
  });
});

describe('➕ New budget under /budget', () => {
  const every: BudgetNewAction[] = [{ kind: 'start' }];
  for (const category of BUDGET_BUTTON_CATEGORIES) {
    every.push({ kind: 'category', category });
    for (const period of ['month', 'week'] as const) {
      every.push({ kind: 'period', category, period });
      for (const wallet of ['household', 'personal'] as const)
        every.push({ kind: 'wallet', category, period, wallet });
    }
  }

  it('round-trips every step within Telegram limits; only the budget router takes them', () => {
    expect(every).toHaveLength(1 + 14 * 7);
    for (const action of every) {
      const data = encodeBudgetNew(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeBudgetNew(data)).toEqual(action);
      expect(BUDGET_CALLBACK_RE.test(data)).toBe(true);
      expect(decodeCallback(data)).toBeNull();
      expect(decodeBudgetDelete(data)).toBeNull();
    }
    expect(encodeBudgetNew({ kind: 'wallet', category: null, period: 'week', wallet: 'household' })).toBe(
      'bw:*:w:h',
    );
    expect(encodeBudgetNew({ kind: 'period', category: 'cafe', period: 'month' })).toBe('bp:cafe:m');
    // The record's back button "b:<update id>" is not a budget button.
    expect(BUDGET_CALLBACK_RE.test(encodeCallback({ kind: 'back', updateId: 12n }))).toBe(false);
  });

  it.each([
    'bn',
    'bn:x',
    'bc:',
    'bc:salary', // an income key
    'bc:nonsense',
    'bc:~0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d', // a custom category: not offered by the buttons
    'bc:cafe:m',
    'bp:cafe',
    'bp:cafe:y',
    'bp:cafe:m:h',
    'bw:cafe:m',
    'bw:cafe:m:x',
    'bw:**:m:h',
    'bc:CAFE',
    undefined,
  ])('refuses %s', (data) => {
    expect(decodeBudgetNew(data)).toBeNull();
  });

  it('the categories two per row, with food and all spending last', () => {
    const rows = budgetCategoryKeyboard('ru').inline_keyboard;
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === 2)).toBe(true);
    expect(rows[0]).toEqual([
      { text: '🛒 Продукты', callback_data: 'bc:groceries' },
      { text: '☕ Кафе и рестораны', callback_data: 'bc:cafe' },
    ]);
    expect(rows[6]).toEqual([
      { text: '🍽 Еда', callback_data: 'bc:food' },
      { text: '💰 Все расходы', callback_data: 'bc:*' },
    ]);
    expect(budgetCategoryKeyboard('uz').inline_keyboard[6][1].text).toBe('💰 Barcha xarajatlar');
  });

  it('the period, then the wallet', () => {
    expect(budgetPeriodKeyboard('ru', 'cafe')).toEqual({
      inline_keyboard: [
        [
          { text: 'в месяц', callback_data: 'bp:cafe:m' },
          { text: 'в неделю', callback_data: 'bp:cafe:w' },
        ],
      ],
    });
    expect(budgetWalletKeyboard('en', null, 'week')).toEqual({
      inline_keyboard: [
        [
          { text: '👨‍👩‍👧 Family', callback_data: 'bw:*:w:h' },
          { text: '🔒 Personal', callback_data: 'bw:*:w:p' },
        ],
      ],
    });
  });
});
