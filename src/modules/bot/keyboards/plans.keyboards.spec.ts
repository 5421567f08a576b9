import { decodeCallback } from './callback-data';
import { readRemindArgument } from '../flows/plans.bot';
import { decodePlan, encodePlan, PLAN_CALLBACK_RE, PlanAction } from './callback-data';
import { contributeKeyboard, repayKeyboard } from './plans.keyboards';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('goal and debt buttons', () => {
  it.each<PlanAction>([
    { kind: 'goal', id: ID },
    { kind: 'contribute', id: ID, amountMinor: 999_999_999_999_999n },
    { kind: 'complete', id: ID },
    { kind: 'debt', id: ID },
    { kind: 'repay', id: ID, amountMinor: 7500n },
    { kind: 'close', id: ID },
    { kind: 'back', list: 'goals' },
    { kind: 'back', list: 'debts' },
  ])('$kind round-trips within 64 bytes and is not the bot’s own', (action) => {
    const data = encodePlan(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(PLAN_CALLBACK_RE.test(data)).toBe(true);
    expect(decodePlan(data)).toEqual(action);
    expect(decodeCallback(data)).toBeNull();
  });

  it.each([
    'pa:0f8fad5bd9cb469fa16570867728950e:0',
    'pa:0f8fad5bd9cb469fa16570867728950e:-5',
    'pg:xyz',
    'pb:x',
    'u:123',
    '',
    undefined,
  ])('refuses %s', (data) => {
    expect(decodePlan(data)).toBeNull();
  });

  it('offers presets below what is left, the rest, done and back', () => {
    const markup = contributeKeyboard('en', {
      id: ID,
      currency: 'USD',
      targetMinor: 120_000n,
      savedMinor: 110_000n,
    });
    expect(markup.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['+10 USD', '+50 USD'],
      ['The rest: 100.00 USD'],
      ['🏁 Done', '⬅️ Back'],
    ]);
  });

  it('offers the whole rest and half of it in whole units', () => {
    const markup = repayKeyboard('uz', {
      id: ID,
      currency: 'UZS',
      amountMinor: 500_000_001n,
      repaidMinor: 0n,
    });
    expect(markup.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['Hammasi: 5,000,000.01 UZS'],
      ['Yarmi: 2,500,000.00 UZS'],
      ['✅ Qarzni yopish', '⬅️ Orqaga'],
    ]);
  });

  it.each([
    ['', {}],
    ['on', { on: true }],
    ['OFF', { on: false }],
    ['8:15', { on: true, time: '08:15' }],
    ['21.30', { on: true, time: '21:30' }],
    ['24:00', null],
    ['soon', null],
  ])('/remind %s', (arg, expected) => {
    expect(readRemindArgument(arg)).toEqual(expected);
  });
});
