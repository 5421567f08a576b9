/**
 * Regression on the original implementation's phrase corpus (a copy kept in test/fixtures/nlu/original_phrases.jsonl).
 * Every case whose `expect` states a type, amount or currency must pass on those fields.
 *
 * - `type` income/expense is the first item's type; command types map to our intents (balance_query,
 *   analytics_query → stats_query, change_language → set_language, change_currency → set_currency,
 *   delete_transaction → undo); the rest (categories, goals, reminders, debts) are not ours and must record nothing.
 * - `transaction_conversion` cases state amounts after the original's currency conversion (100 USD → 1,230,000 UZS);
 *   this parser records what was said, so those are checked on type only.
 * - Category names are the original's Russian ones; the obvious ones are mapped to our keys and checked too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhraseOrThrow as parsePhrase, toParseJson } from './parser';

interface Case {
  text: string;
  lang: string | null;
  kind: string;
  expect: { type?: string; amount?: number; currency?: string; category?: string };
}

const CASES: Case[] = readFileSync(
  join(__dirname, '../../../test/fixtures/nlu/original_phrases.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as Case);

const NOW = new Date('2026-11-29T10:00:00+05:00');

const INTENT_OF: Record<string, string> = {
  balance_query: 'balance_query',
  analytics_query: 'stats_query',
  change_language: 'set_language',
  change_currency: 'set_currency',
  delete_transaction: 'undo',
};

/** The original's Russian category names → our keys ("еда" covered both groceries and eating out). */
const CATEGORY_OF: Record<string, string[]> = {
  еда: ['groceries', 'cafe'],
  продукты: ['groceries'],
  food: ['groceries', 'cafe'],
  'oziq-ovqat': ['groceries'],
  транспорт: ['transport'],
  такси: ['transport'],
  одежда: ['clothing'],
  здоровье: ['health'],
  работа: ['salary'],
  work: ['salary'],
};

/** "1000" and 25.5 compared exactly as decimal strings, no floats. */
function unitsString(amount: number): string {
  const [i, f = ''] = String(amount).split('.');
  return `${i}.${(f + '00').slice(0, 2)}`;
}

const checked = CASES.filter(
  (c) => c.expect.type !== undefined || c.expect.amount !== undefined || c.expect.currency !== undefined,
);

describe('original corpus regression', () => {
  it('has the whole corpus copied into fixtures', () => {
    expect(CASES.length).toBe(240);
    expect(checked.length).toBeGreaterThan(100);
  });

  it.each(checked.map((c) => [c.kind, c.text, c] as const))('[%s] %s', (_kind, _text, c) => {
    const r = toParseJson(parsePhrase(c.text, { defaultCurrency: 'UZS', now: NOW }));
    const first = r.items[0];
    const t = c.expect.type;
    if (t === 'income' || t === 'expense') {
      expect(r.intent).toBe('transaction');
      expect(first?.type).toBe(t);
    } else if (t !== undefined && t !== 'compound') {
      const intent = INTENT_OF[t];
      if (intent !== undefined) expect(r.intent).toBe(intent);
      expect(r.items).toEqual([]);
    }
    if (c.kind === 'transaction_conversion') return;
    if (c.expect.amount !== undefined) expect(first?.amount).toBe(unitsString(c.expect.amount));
    if (c.expect.currency !== undefined) expect(first?.currency).toBe(c.expect.currency);
  });

  const withCategory = CASES.filter(
    (c) =>
      c.kind !== 'management' &&
      c.expect.category !== undefined &&
      CATEGORY_OF[c.expect.category.toLowerCase()] !== undefined,
  );
  it.each(withCategory.map((c) => [c.text, c.expect.category, c] as const))(
    '%s → category %s',
    (_t, _k, c) => {
      const r = toParseJson(parsePhrase(c.text, { defaultCurrency: 'UZS', now: NOW }));
      expect(CATEGORY_OF[(c.expect.category ?? '').toLowerCase()]).toContain(r.items[0]?.category);
    },
  );

  it('reads real speech-recognition lines sensibly', () => {
    const read = (text: string) => toParseJson(parsePhrase(text, { defaultCurrency: 'UZS', now: NOW }));
    expect(read('Я получил зарплату в размере 20 тысяч долларов.').items[0]).toMatchObject({
      type: 'income',
      amount: '20000.00',
      currency: 'USD',
      category: 'salary',
    });
    expect(read('Двадцать тысяч долларов я получил зарплату.').items[0]).toMatchObject({
      type: 'income',
      amount: '20000.00',
    });
    expect(read('Патратил 40 000 сом.').items[0]).toMatchObject({
      type: 'expense',
      amount: '40000.00',
      currency: 'UZS',
    });
    expect(read('Купил молоко 56 тысяч сумм.').items[0]).toMatchObject({
      amount: '56000.00',
      category: 'groceries',
    });
    expect(read('Я копил хлеб на 10 тысяч долларов и заработал 150 тысяч долларов.').items).toHaveLength(2);
    expect(read('Опять при Tower 20%.').items).toEqual([]);
    expect(read('Ага. Ну вот она вот настолько.').intent).toBe('unknown');
    expect(read('Поменяй язык бота на узбетский.').intent).toBe('set_language');
  });
});
