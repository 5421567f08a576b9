import {
  askKeyboard,
  decodeRecurring,
  encodeRecurring,
  offerKeyboard,
  RECURRING_CALLBACK_RE,
  ruleButtons,
} from './recurring.buttons';
import { askText, editAskText, offerText, recordedText, RECURRING_TEXTS, ruleLine } from './recurring.texts';
import type { RecurringRule } from './recurring-rule.entity';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('recurring buttons', () => {
  it.each([
    [{ kind: 'record', occurrenceId: ID }, 'rr:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'skip', occurrenceId: ID }, 'rs:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'other_amount', occurrenceId: ID }, 'ra:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'toggle_pause', ruleId: ID }, 'rp:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'delete', ruleId: ID }, 'rx:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'edit', ruleId: ID }, 're:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'offer', offerId: ID, accept: true }, 'ro:0f8fad5bd9cb469fa16570867728950e:y'],
    [{ kind: 'offer', offerId: ID, accept: false }, 'ro:0f8fad5bd9cb469fa16570867728950e:n'],
  ] as const)('%o ⇄ %s', (action, data) => {
    expect(encodeRecurring(action)).toBe(data);
    expect(decodeRecurring(data)).toEqual(action);
    expect(RECURRING_CALLBACK_RE.test(data)).toBe(true);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });

  it('refuses anything else', () => {
    for (const data of [
      undefined,
      '',
      'rr:',
      'rr:xyz',
      'rq:0f8fad5bd9cb469fa16570867728950e',
      'lr:0f8f',
      'ro:0f8fad5bd9cb469fa16570867728950e',
      'ro:0f8fad5bd9cb469fa16570867728950e:x',
      'rr:0f8fad5bd9cb469fa16570867728950e:y',
    ])
      expect(decodeRecurring(data)).toBeNull();
    // the other buttons of the bot are not routed here
    for (const data of ['lr:0f8fad5bd9cb469fa16570867728950e', 'pg:0f8f', 'u:12', 'st:week'])
      expect(RECURRING_CALLBACK_RE.test(data)).toBe(false);
  });

  it('the ask keyboard and a rule row in each language', () => {
    expect(
      askKeyboard('en', ID)
        .inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(['✅ Record', '⏭ Skip', '✏️ Another amount']);
    expect(ruleButtons('uz', { id: ID, paused: true }).map((b) => b.text)).toEqual([
      "✏️ O'zgartirish",
      '▶️ Davom ettirish',
      "🗑 O'chirish",
    ]);
  });
});

describe('the offer of a noticed pattern', () => {
  const offer = { description: 'аренда', amountMinor: 300_000_000n, currency: 'UZS', day: 1 };

  it.each([
    [
      'ru',
      '🔁 Похоже, «аренда» каждый месяц ~3,000,000.00 UZS около 1 числа. Сделать регулярным?',
      '✅ Да',
      '✖ Нет',
    ],
    [
      'uz',
      '🔁 «аренда» har oy ~3,000,000.00 UZS, taxminan 1-sanada takrorlanayotganga oʻxshaydi. Muntazam qilaymi?',
      '✅ Ha',
      '✖ Yoʻq',
    ],
    [
      'en',
      '🔁 Looks like “аренда” is ~3,000,000.00 UZS every month, around day 1. Make it recurring?',
      '✅ Yes',
      '✖ No',
    ],
  ] as const)('%s', (lang, text, yes, no) => {
    expect(offerText(lang, offer)).toBe(text);
    expect(offerKeyboard(lang, ID).inline_keyboard).toEqual([
      [
        { text: yes, callback_data: 'ro:0f8fad5bd9cb469fa16570867728950e:y' },
        { text: no, callback_data: 'ro:0f8fad5bd9cb469fa16570867728950e:n' },
      ],
    ]);
  });
});

describe('recurring texts', () => {
  const rent = {
    id: ID,
    type: 'expense',
    amount: 300_000_000n,
    currency: 'UZS',
    category: 'housing',
    description: 'аренда',
    every: 'month',
    day: 31,
    auto: true,
    paused: false,
  } as RecurringRule;

  it('recorded, asked, listed', () => {
    expect(recordedText('ru', rent, rent.amount)).toBe('🔁 Записал: Аренда 3,000,000.00 UZS');
    expect(askText('en', rent, '2027-02-28')).toBe('🔁 Due 28.02.2027: Аренда 3,000,000.00 UZS. Record it?');
    expect(ruleLine('uz', rent, '2027-02-28')).toBe(
      "Аренда 3,000,000.00 UZS — har oy 31-sanada (o'zi), keyingisi: 28.02.2027",
    );
    expect(
      ruleLine('en', { ...rent, every: 'week', day: 1, auto: false, paused: true } as RecurringRule, ''),
    ).toBe('Аренда 3,000,000.00 UZS — every Monday, ⏸ paused');
  });

  it('✏️ edit: the question names the rule, its amount and a day example by its timing, in each language', () => {
    expect(editAskText('ru', rent)).toBe(
      '✏️ Новая сумма для «аренда»? Сейчас: 3,000,000.00 UZS. Можно поменять и день: «4 млн, день: 15». /cancel — оставить как есть.',
    );
    expect(editAskText('uz', { ...rent, every: 'week', day: 1 } as RecurringRule)).toBe(
      "✏️ «аренда» uchun yangi summa? Hozir: 3,000,000.00 UZS. Kunini ham o'zgartirsa bo'ladi: «60 ming, kun: 3» (3 — chorshanba). /cancel — o'zgartirmaslik.",
    );
    expect(editAskText('en', { ...rent, currency: 'USD', amount: 1_000n } as RecurringRule)).toBe(
      '✏️ New amount for “аренда”? Now: 10.00 USD. You can change the day too: “4 mln, day 15”. /cancel keeps it as it is.',
    );
    expect(RECURRING_TEXTS.en.editBadDay('week')).toBe(
      '⚠️ The weekday is 1 to 7 (Monday = 1). Type it again or /cancel.',
    );
    expect(RECURRING_TEXTS.uz.editBadDay('month')).toBe(
      '⚠️ Kun — 1 dan 31 gacha. Qayta yozing yoki /cancel.',
    );
  });

  it('no description: the category name in the language', () => {
    expect(recordedText('en', { ...rent, description: '' } as RecurringRule, 100n)).toMatch(
      /^🔁 Recorded: \S.* 1\.00 UZS$/,
    );
  });
});
