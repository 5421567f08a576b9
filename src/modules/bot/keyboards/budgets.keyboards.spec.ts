import {
  CALLBACK_DATA_MAX_BYTES,
  decodeBudgetDelete,
  decodePlan,
  decodeCallback,
  encodeBudgetDelete,
} from './callback-data';
import { budgetsKeyboard } from './budgets.keyboards';

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
      inline_keyboard: [[{ text: '✖ ☕ Cafes & restaurants', callback_data: encodeBudgetDelete(ID) }]],
    });
    expect(budgetsKeyboard('ru', [])).toBeUndefined();
  });
});
