import { parsePhrase, toParseJson } from './parser';

const NOW = new Date('2026-11-29T10:00:00+05:00');
const O = { defaultCurrency: 'UZS' as const, now: NOW };

const major = (minor: bigint): string => (Number(minor) / 100).toFixed(2);

/** [phrase, category | null | 'food', amount (major units), currency, period, household] */
const BUDGETS: Array<[string, string | null, string, string, 'month' | 'week', boolean]> = [
  ['лимит на кафе 500 тыс в месяц', 'cafe', '500000.00', 'UZS', 'month', false],
  ['kafe uchun oylik limit 500 ming', 'cafe', '500000.00', 'UZS', 'month', false],
  ["kafe uchun oylik limit 500 ming so'm", 'cafe', '500000.00', 'UZS', 'month', false],
  ['кафе учун ойлик лимит 500 минг', 'cafe', '500000.00', 'UZS', 'month', false],
  ['set a budget of 2 mln for food', 'food', '2000000.00', 'UZS', 'month', false],
  ['бюджет на продукты 3 млн', 'groceries', '3000000.00', 'UZS', 'month', false],
  ['на такси не больше 300к в неделю', 'transport', '300000.00', 'UZS', 'week', false],
  ['haftasiga transportga 200 ming limit', 'transport', '200000.00', 'UZS', 'week', false],
  ['общий лимит 10 млн в месяц', null, '10000000.00', 'UZS', 'month', false],
  ['семейный лимит на продукты 4 млн', 'groceries', '4000000.00', 'UZS', 'month', true],
  ['оилавий лимит озиқ-овқатга 4 млн', 'groceries', '4000000.00', 'UZS', 'month', true],
  ['family budget for groceries 4 mln', 'groceries', '4000000.00', 'UZS', 'month', true],
  ['поставь лимит 500 тысяч на рестораны', 'cafe', '500000.00', 'UZS', 'month', false],
  ['установи бюджет на транспорт 1 млн в месяц', 'transport', '1000000.00', 'UZS', 'month', false],
  ['лимит на развлечения 200 тыс в неделю', 'entertainment', '200000.00', 'UZS', 'week', false],
  ['месячный лимит на одежду 1 млн', 'clothing', '1000000.00', 'UZS', 'month', false],
  ['недельный бюджет на еду 700 тыс', 'food', '700000.00', 'UZS', 'week', false],
  ['хочу тратить на кафе не больше 1 млн в месяц', 'cafe', '1000000.00', 'UZS', 'month', false],
  ['лимит 5 млн в месяц', null, '5000000.00', 'UZS', 'month', false],
  ['oylik byudjet 10 mln', null, '10000000.00', 'UZS', 'month', false],
  ['kafega oyiga 1 million limit', 'cafe', '1000000.00', 'UZS', 'month', false],
  ['ovqatga haftalik limit 500 ming', 'food', '500000.00', 'UZS', 'week', false],
  ["transport uchun limit 300 ming qo'y", 'transport', '300000.00', 'UZS', 'month', false],
  ['oziq-ovqat uchun oʻylik limit 2 mln', 'groceries', '2000000.00', 'UZS', 'month', false],
  ['weekly budget 100 dollars for groceries', 'groceries', '100.00', 'USD', 'week', false],
  ['limit 300k on taxis per week', 'transport', '300000.00', 'UZS', 'week', false],
  ['monthly limit on restaurants 1.5 million', 'cafe', '1500000.00', 'UZS', 'month', false],
  ['overall budget 10 million per month', null, '10000000.00', 'UZS', 'month', false],
  ['no more than 200k a week on coffee', 'cafe', '200000.00', 'UZS', 'week', false],
  ['household limit 3 million per month', null, '3000000.00', 'UZS', 'month', true],
  ['не больше 5 млн в месяц', null, '5000000.00', 'UZS', 'month', false],
  ['на кафе не больше 1 млн', 'cafe', '1000000.00', 'UZS', 'month', false],
  ['kiyimga oyiga 800 ming dan ortiq sarflamay', 'clothing', '800000.00', 'UZS', 'month', false],
  ['ограничь развлечения до 1 млн в месяц', 'entertainment', '1000000.00', 'UZS', 'month', false],
  ['oziq-ovqatga oyiga 2 mln limit', 'groceries', '2000000.00', 'UZS', 'month', false],
  ['budget 5m for clothes', 'clothing', '5000000.00', 'UZS', 'month', false],
  // Russian typed in Latin letters, a typo
  ['postav limit na edu 2 lyama', 'food', '2000000.00', 'UZS', 'month', false],
  ['limit na kafe 500k v mesyac', 'cafe', '500000.00', 'UZS', 'month', false],
  ['лимт на кафе 500 тыс', 'cafe', '500000.00', 'UZS', 'month', false],
];

describe('set_budget', () => {
  it.each(BUDGETS)('%s', (text, category, amount, currency, period, household) => {
    const r = parsePhrase(text, O);
    expect(r.intent).toBe('set_budget');
    const b = r.budget!;
    const food = category === 'food';
    expect({
      category: b.category,
      categories: b.categories ?? null,
      amount: major(b.amountMinor),
      currency: b.currency,
      period: b.period,
      household: b.wallet === 'household',
    }).toEqual({
      category: food ? 'groceries' : category,
      categories: food ? ['groceries', 'cafe'] : null,
      amount,
      currency,
      period,
      household,
    });
    // the docs/interface.md §6 JSON keeps its closed intent list: unknown, no items
    expect(toParseJson(r)).toEqual({ language: r.language, items: [], intent: 'unknown' });
  });
});

/** [phrase, category | null | 'food'] */
const QUERIES: Array<[string, string | null]> = [
  ['сколько осталось по лимиту на кафе', 'cafe'],
  ['kafe limitidan qancha qoldi', 'cafe'],
  ['how much is left in my cafe budget', 'cafe'],
  ['сколько осталось от бюджета на продукты', 'groceries'],
  ['сколько у меня осталось по лимиту', null],
  ['какой лимит на кафе', 'cafe'],
  ['oziq-ovqat limitidan qancha qoldi', 'groceries'],
  ['how much budget left for food', 'food'],
  ["what's left of my transport limit", 'transport'],
  ['лимит на кафе превышен?', 'cafe'],
];

describe('budget_query', () => {
  it.each(QUERIES)('%s', (text, category) => {
    const r = parsePhrase(text, O);
    expect(r.intent).toBe('budget_query');
    expect(r.budgetQuery!.category).toBe(category === 'food' ? 'groceries' : category);
    expect(toParseJson(r)).toEqual({ language: r.language, items: [], intent: 'unknown' });
  });
});

/** Not a budget: [phrase, intent] */
const NOT_BUDGETS: Array<[string, string]> = [
  ['оплатил аренду 3 млн', 'transaction'],
  ['потратил 200 тыс из лимита на кафе', 'transaction'],
  ['в семейный бюджет такси 30 тыс', 'transaction'],
  ['зарплата 7 млн в общий бюджет', 'transaction'],
  ['сколько ушло из семейного бюджета на кафе', 'stats_query'],
  ['oilaviy byudjetdan bugun qancha ketdi', 'stats_query'],
  // a bank's limit is neither a budget nor money spent
  ['лимит карты 10 млн', 'unknown'],
  ['кредитный лимит 20 млн', 'unknown'],
  ['card limit 5000 dollars', 'unknown'],
  ['karta limiti 10 mln', 'unknown'],
  ['humo limiti 5 mln', 'unknown'],
  ['сколько я трачу на такси в неделю', 'stats_query'],
];

describe('not a budget', () => {
  it.each(NOT_BUDGETS)('%s', (text, intent) => {
    const r = parsePhrase(text, O);
    expect(r.intent).toBe(intent);
    expect(r.budget).toBeUndefined();
  });
});
