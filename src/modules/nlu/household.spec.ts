/**
 * Whose money (docs/phrases.md, "Whose money"): records said to go to the household wallet, and questions about the
 * household. Expected record = "type amount currency category description"; `wallet` is the internal field, never
 * in the docs/interface.md §6 JSON.
 */
import type { ParseOptions, StatsQuery } from './nlu.types';
import { parsePhraseOrThrow, toParseJson } from './parser';

/** Sunday 29.11.2026, 14:00 in Tashkent. */
const OPTS: ParseOptions = {
  defaultCurrency: 'UZS',
  now: new Date('2026-11-29T09:00:00Z'),
  timeZone: 'Asia/Tashkent',
};
const parse = (text: string) => parsePhraseOrThrow(text, OPTS);
const NOV = { kind: 'month', from: '2026-11-01', to: '2026-11-30' } as const;
const WEEK = { kind: 'week', from: '2026-11-23', to: '2026-11-29' } as const;

function read(text: string): string {
  const json = toParseJson(parse(text));
  if (json.items.length === 0) return json.intent;
  return json.items
    .map((i) => `${i.type} ${i.amount} ${i.currency} ${i.category} ${i.description}`)
    .join(' ; ');
}

describe('a record said to go to the household wallet', () => {
  it.each([
    ['продукты 50000 в семью', 'expense 50000.00 UZS groceries продукты'],
    ['в семью 50000 продукты', 'expense 50000.00 UZS groceries продукты'],
    ['в семейный бюджет такси 30 тыс', 'expense 30000.00 UZS transport такси'],
    ['купил продукты на семью 200 тыс', 'expense 200000.00 UZS groceries продукты'],
    ['семейные: аренда 3 млн', 'expense 3000000.00 UZS housing аренда'],
    ['за счет семьи бензин 250 тыс', 'expense 250000.00 UZS transport бензин'],
    ['зарплата 7 млн в общий бюджет', 'income 7000000.00 UZS salary зарплата'],
    ['non 5000 oilaga', 'expense 5000.00 UZS groceries non'],
    ['oila hisobiga benzin 200 ming', 'expense 200000.00 UZS transport benzin'],
    ["oilaviy: go'sht 150 ming", "expense 150000.00 UZS groceries go'sht"],
    ['оилага гўшт 100 минг', 'expense 100000.00 UZS groceries гўшт'],
    ['oila uchun kommunal 400 ming', 'expense 400000.00 UZS housing kommunal'],
    ['groceries 200k for the family', 'expense 200000.00 UZS groceries groceries'],
    ['family: rent 3 million', 'expense 3000000.00 UZS housing rent'],
    ['taxi 40k to the family wallet', 'expense 40000.00 UZS transport taxi'],
    ['paid 500k for electricity from the shared budget', 'expense 500000.00 UZS housing electricity'],
    // Russian typed in Latin letters: the soft sign and й are lost
    ['taksi 30 tys v semju', 'expense 30000.00 UZS transport taksi'],
    ['semeinye: arenda 3 mln', 'expense 3000000.00 UZS housing arenda'],
    ['oilaviy hamyonga 300 ming dori', 'expense 300000.00 UZS health dori'],
  ])('%s → %s', (text, want) => {
    const result = parse(text);
    expect(read(text)).toBe(want);
    expect(result.wallet).toBe('household');
  });

  it.each([
    ['продукты 50000', 'expense 50000.00 UZS groceries продукты'],
    ['сыну 50000', 'expense 50000.00 UZS gifts сыну'],
    ['маме 300 тыс', 'expense 300000.00 UZS gifts маме'],
    ['ужин с семьей 300000', 'expense 300000.00 UZS cafe ужин'],
    ['подарок семье брата 500000', 'expense 500000.00 UZS gifts подарок'],
    ['opamga 200 ming yubordim', 'expense 200000.00 UZS gifts opam'],
    ['oilam bilan kafe 250 ming', 'expense 250000.00 UZS cafe kafe'],
    ["akamning oilasiga sovg'a 300 ming", "expense 300000.00 UZS gifts sovg'a"],
    ['dinner with the family 300k', 'expense 300000.00 UZS cafe dinner'],
    ["gift for my brother's family 100k", 'expense 100000.00 UZS gifts gift'],
    ['мы потратили 100 тыс на продукты', 'expense 100000.00 UZS groceries продукты'],
    ['купил household товары 90 тыс', 'expense 90000.00 UZS shopping household'],
    // an adjective naming a kind of thing
    ['семейный стоматолог 400 тыс', 'expense 400000.00 UZS health стоматолог'],
    ['oilaviy restoranda 500 ming', 'expense 500000.00 UZS cafe restoran'],
    ['family pack of diapers 150k', 'expense 150000.00 UZS other family'],
  ])('not the wallet: %s → %s', (text, want) => {
    const result = parse(text);
    expect(read(text)).toBe(want);
    expect(result.wallet).toBeUndefined();
  });

  it('a reminder or a currency question carries the wallet with its items', () => {
    expect(parse('завтра заплачу за свет 200 тыс из семейного бюджета').wallet).toBe('household');
    expect(parsePhraseOrThrow('такси 40 тыс в семью', { ...OPTS, defaultCurrency: 'USD' }).aside?.kind).toBe(
      'ask_currency',
    );
    expect(parsePhraseOrThrow('такси 40 тыс в семью', { ...OPTS, defaultCurrency: 'USD' }).wallet).toBe(
      'household',
    );
  });

  it('the docs/interface.md §6 JSON does not change', () => {
    const json = toParseJson(parse('продукты 50000 в семью'));
    expect(Object.keys(json).sort()).toEqual(['intent', 'items', 'language']);
    expect(json).toEqual(toParseJson(parse('продукты 50000')));
  });
});

describe('questions about the household', () => {
  it.each<[string, StatsQuery]>([
    [
      'сколько семья потратила на продукты в этом месяце',
      { type: 'expense', category: 'groceries', period: NOV, scope: 'household' },
    ],
    ['сколько мы с семьёй потратили', { type: 'expense', period: NOV, scope: 'household' }],
    ['семейные расходы за неделю', { type: 'expense', period: WEEK, scope: 'household' }],
    ['oilamiz bu oy qancha sarfladi', { type: 'expense', period: NOV, scope: 'household' }],
    ['oila xarajatlari', { type: 'expense', period: NOV, scope: 'household' }],
    [
      'how much did the family spend on groceries this month',
      { type: 'expense', category: 'groceries', period: NOV, scope: 'household' },
    ],
    ['family spending this week', { type: 'expense', period: WEEK, scope: 'household' }],
    [
      'family wallet: how much on taxis this week',
      { type: 'expense', category: 'transport', term: 'taxi', period: WEEK, scope: 'household' },
    ],
    [
      'семейные продукты за неделю?',
      { type: 'expense', category: 'groceries', period: WEEK, scope: 'household' },
    ],
    ['oila hisobidan bu hafta qancha ketgan', { type: 'expense', period: WEEK, scope: 'household' }],
    [
      'skok semja potratila na produkty',
      { type: 'expense', category: 'groceries', period: NOV, scope: 'household' },
    ],
    ['сколько у меня ушло на такси', { type: 'expense', category: 'transport', term: 'такси', period: NOV }],
    // the speaker alone, or a bare "we": one's own
    ['сколько я потратил на семью', { type: 'expense', period: NOV }],
    ['сколько мы потратили', { type: 'expense', period: NOV }],
    ['oilamga qancha sarfladim', { type: 'expense', period: NOV }],
    ['biz bu oy qancha sarfladik', { type: 'expense', period: NOV }],
    ['how much did I spend on my family', { type: 'expense', period: NOV }],
    ['how much did we spend this week', { type: 'expense', period: WEEK }],
    ['сколько я потратил на продукты', { type: 'expense', category: 'groceries', period: NOV }],
  ])('%s', (text, stats) => {
    const result = parse(text);
    expect(result.intent).toBe('stats_query');
    expect(result.stats).toEqual(stats);
    expect(toParseJson(result)).toEqual({ language: result.language, items: [], intent: 'stats_query' });
  });

  it.each([
    ['семейный баланс', 'household'],
    ['баланс семьи', 'household'],
    ['oila balansi', 'household'],
    ['family balance', 'household'],
    ['баланс', undefined],
    ['мой баланс', undefined],
    ['balance', undefined],
    ['сколько у меня денег', undefined],
    ['qancha pulim qoldi', undefined],
  ])('balance: %s → %s', (text, wallet) => {
    const result = parse(text);
    expect(result.intent).toBe('balance_query');
    expect(result.wallet).toBe(wallet);
  });
});
