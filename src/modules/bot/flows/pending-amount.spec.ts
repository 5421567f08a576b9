import { parsePhrase } from '../../nlu';
import { afterAnswer, bareAmount, PENDING_TTL_MS, pendingAmount, readPending } from './pending-amount';

const NOW = new Date('2026-11-29T10:00:00Z');
const parse = (text: string, defaultCurrency: 'UZS' | 'USD' = 'UZS') =>
  parsePhrase(text, { language: 'auto', defaultCurrency, now: NOW, timeZone: 'Asia/Tashkent' });
const BREAD = {
  type: 'expense' as const,
  currency: 'UZS' as const,
  category: 'groceries' as const,
  description: 'хлеб',
  date: '2026-11-29',
};

describe('pending amount', () => {
  it.each([
    ['25000', 2_500_000n, 'UZS'],
    ['25 тыс', 2_500_000n, 'UZS'],
    ['ellik ming', 5_000_000n, 'UZS'],
    ['тридцать тысяч', 3_000_000n, 'UZS'],
    ['$15', 1500n, 'USD'],
    ['12.50', 1250n, 'UZS'],
  ])('%s is a bare amount: %s minor units of %s', (text, minor, currency) => {
    expect(bareAmount(parse(text))).toEqual({ amountMinor: minor, currency });
  });

  it('a bare amount takes the currency it is parsed with (the pending item’s)', () => {
    expect(bareAmount(parse('40', 'USD'))).toEqual({ amountMinor: 4000n, currency: 'USD' });
  });

  it.each([
    'такси 20000',
    '25000 за хлеб',
    'купил хлеб',
    'привет',
    'баланс',
    'asdf',
    'такси 20000 и кофе 15000',
  ])('%s is not a bare amount', (text) => {
    expect(bareAmount(parse(text))).toBeNull();
  });

  it('reads back what it stored (through JSON, as jsonb does)', () => {
    const state = pendingAmount([BREAD], NOW);
    expect(readPending(JSON.parse(JSON.stringify(state)), NOW)).toEqual(state);
  });

  it.each([
    ['null', null],
    ['an older state shape', { awaiting: 'amount' }],
    ['no items', { ...pendingAmount([BREAD], NOW), items: [] }],
    ['a bad item', { ...pendingAmount([BREAD], NOW), items: [{ ...BREAD, currency: 'GBP' }] }],
    ['a bad date', { ...pendingAmount([BREAD], NOW), items: [{ ...BREAD, date: 'вчера' }] }],
  ])('%s reads as no pending question', (_label, state) => {
    expect(readPending(state, NOW)).toBeNull();
  });

  it('forgets a question older than a day', () => {
    const state = pendingAmount([BREAD], NOW);
    expect(readPending(state, new Date(NOW.getTime() + PENDING_TTL_MS - 1000))).not.toBeNull();
    expect(readPending(state, new Date(NOW.getTime() + PENDING_TTL_MS + 1000))).toBeNull();
  });

  it('asks about the items one by one', () => {
    const milk = { ...BREAD, description: 'молоко' };
    const state = pendingAmount([BREAD, milk], NOW);
    const next = afterAnswer(state);
    expect(next?.items).toEqual([milk]);
    expect(next?.id).toBe(state.id);
    expect(afterAnswer(next!)).toBeNull();
  });
});
