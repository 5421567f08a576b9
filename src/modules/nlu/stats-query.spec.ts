import { parsePhrase, readStatsPeriod, toParseJson } from '.';
import type { StatsQuery } from '.';

/** Sunday 29.11.2026, 14:00 in Tashkent. */
const NOW = new Date('2026-11-29T09:00:00Z');
const parse = (text: string) =>
  parsePhrase(text, { defaultCurrency: 'UZS', now: NOW, timeZone: 'Asia/Tashkent' });
const NOV = { kind: 'month', from: '2026-11-01', to: '2026-11-30' } as const;
const OCT = { kind: 'month', from: '2026-10-01', to: '2026-10-31' } as const;

describe('stats questions carry a structured query', () => {
  it.each<[string, StatsQuery]>([
    // ru
    [
      'сколько я потратил на такси в этом месяце',
      { type: 'expense', category: 'transport', term: 'такси', period: NOV },
    ],
    ['сколько ушло на бензин', { type: 'expense', category: 'transport', term: 'бензин', period: NOV }],
    ['сколько я потратил на еду', { type: 'expense', categories: ['groceries', 'cafe'], period: NOV }],
    ['сколько я заработал в октябре', { type: 'income', period: OCT }],
    ['сколько ушло на продукты за месяц', { type: 'expense', category: 'groceries', period: NOV }],
    ['статистика за неделю', { period: { kind: 'week', from: '2026-11-23', to: '2026-11-29' } }],
    [
      'сколько я потратил вчера',
      { type: 'expense', period: { kind: 'day', from: '2026-11-28', to: '2026-11-28' } },
    ],
    [
      'мои расходы за прошлый год',
      { type: 'expense', period: { kind: 'year', from: '2025-01-01', to: '2025-12-31' } },
    ],
    [
      'сколько я потратил в декабре',
      { type: 'expense', period: { kind: 'month', from: '2025-12-01', to: '2025-12-31' } },
    ],
    // uz
    ['bu oy ovqatga qancha ketdi', { type: 'expense', categories: ['groceries', 'cafe'], period: NOV }],
    ["o'tgan oy qancha sarfladim", { type: 'expense', period: OCT }],
    ['taksiga qancha ketdi', { type: 'expense', category: 'transport', term: 'taksi', period: NOV }],
    [
      "o'tgan hafta qancha sarfladim",
      { type: 'expense', period: { kind: 'week', from: '2026-11-16', to: '2026-11-22' } },
    ],
    // en
    [
      'how much did I spend on cafes last week',
      { type: 'expense', category: 'cafe', period: { kind: 'week', from: '2026-11-16', to: '2026-11-22' } },
    ],
    ['how much did I earn last month', { type: 'income', period: OCT }],
    [
      'how much did I spend on coffee this month',
      { type: 'expense', category: 'cafe', term: 'coffee', period: NOV },
    ],
    [
      'how much did I spend on food in october',
      { type: 'expense', categories: ['groceries', 'cafe'], period: OCT },
    ],
    [
      'how much did I spend this week',
      { type: 'expense', period: { kind: 'week', from: '2026-11-23', to: '2026-11-29' } },
    ],
    [
      'what did I buy yesterday',
      { type: 'expense', period: { kind: 'day', from: '2026-11-28', to: '2026-11-28' } },
    ],
  ])('%s', (text, stats) => {
    const result = parse(text);
    expect(result.intent).toBe('stats_query');
    expect(result.stats).toEqual(stats);
  });

  it('the docs/interface.md §6 JSON keeps exactly language, items and intent', () => {
    const json = toParseJson(parse('сколько я потратил на такси в этом месяце'));
    expect(Object.keys(json).sort()).toEqual(['intent', 'items', 'language']);
    expect(JSON.stringify(json)).toBe('{"language":"ru","items":[],"intent":"stats_query"}');
  });

  it('other intents carry no stats query', () => {
    expect(parse('такси 20000').stats).toBeUndefined();
    expect(parse('баланс').stats).toBeUndefined();
  });
});

describe('readStatsPeriod (the /stats argument)', () => {
  it.each<[string, [string, string] | null]>([
    ['', ['2026-11-01', '2026-11-30']],
    ['неделя', ['2026-11-23', '2026-11-29']],
    ['hafta', ['2026-11-23', '2026-11-29']],
    ['week', ['2026-11-23', '2026-11-29']],
    ['прошлый месяц', ['2026-10-01', '2026-10-31']],
    ["o'tgan oy", ['2026-10-01', '2026-10-31']],
    ['last month', ['2026-10-01', '2026-10-31']],
    ['март', ['2026-03-01', '2026-03-31']],
    ['mart', ['2026-03-01', '2026-03-31']],
    ['March', ['2026-03-01', '2026-03-31']],
    ['декабрь', ['2025-12-01', '2025-12-31']],
    ['2026-10', ['2026-10-01', '2026-10-31']],
    ['2024-02', ['2024-02-01', '2024-02-29']],
    ['10.2026', ['2026-10-01', '2026-10-31']],
    ['год', ['2026-01-01', '2026-12-31']],
    ['2026-13', null],
    ['абракадабра', null],
  ])('%j', (text, range) => {
    const period = readStatsPeriod(text, NOW, 'Asia/Tashkent');
    expect(period && [period.from, period.to]).toEqual(range);
  });

  it('January: the previous month is last December', () => {
    expect(readStatsPeriod('last month', new Date('2026-01-15T09:00:00Z'), 'Asia/Tashkent')).toEqual({
      kind: 'month',
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});
