import { parsePhrase, toParseJson } from './parser';

const NOW = new Date('2026-11-29T10:00:00+05:00');
const O = { defaultCurrency: 'UZS' as const, now: NOW };

/** [phrase, type, amount (major units) | null, currency, category, description, every, day] */
const RULES: Array<[string, string, string | null, string, string, string, 'month' | 'week', number | null]> =
  [
    ['каждый месяц 1 числа аренда 3 млн', 'expense', '3000000.00', 'UZS', 'housing', 'аренда', 'month', 1],
    ['har oy 10-sanada oylik 8 mln', 'income', '8000000.00', 'UZS', 'salary', 'oylik', 'month', 10],
    ['ҳар ой 10-санада ойлик 8 млн', 'income', '8000000.00', 'UZS', 'salary', 'ойлик', 'month', 10],
    ['netflix 10 dollars every month', 'expense', '10.00', 'USD', 'entertainment', 'netflix', 'month', null],
    ['every Monday gym 50k', 'expense', '50000.00', 'UZS', 'health', 'gym', 'week', 1],
    [
      'ежемесячно 15 числа интернет 150 тыс',
      'expense',
      '150000.00',
      'UZS',
      'communication',
      'интернет',
      'month',
      15,
    ],
    ['har hafta juma kuni bozorga 300 ming', 'expense', '300000.00', 'UZS', 'groceries', 'bozor', 'week', 5],
    [
      'зарплата каждый месяц 25 числа 12 млн',
      'income',
      '12000000.00',
      'UZS',
      'salary',
      'зарплата',
      'month',
      25,
    ],
    ['каждую пятницу продукты 300 тыс', 'expense', '300000.00', 'UZS', 'groceries', 'продукты', 'week', 5],
    ['раз в месяц коммуналка 500 тыс', 'expense', '500000.00', 'UZS', 'housing', 'коммуналка', 'month', null],
    ['ипотека 4 млн ежемесячно 5 числа', 'expense', '4000000.00', 'UZS', 'housing', 'ипотека', 'month', 5],
    ['каждую неделю бензин 200 тыс', 'expense', '200000.00', 'UZS', 'transport', 'бензин', 'week', null],
    [
      'получаю зарплату каждый месяц 10 числа 15 млн',
      'income',
      '15000000.00',
      'UZS',
      'salary',
      'зарплату',
      'month',
      10,
    ],
    ['har oyning 1-sanasida ijara 3 mln', 'expense', '3000000.00', 'UZS', 'housing', 'ijara', 'month', 1],
    [
      'har oyning 5 kuni internetga 100 ming',
      'expense',
      '100000.00',
      'UZS',
      'communication',
      'internet',
      'month',
      5,
    ],
    ['ҳар ойнинг 1-санасида ижара 3 млн', 'expense', '3000000.00', 'UZS', 'housing', 'ижара', 'month', 1],
    ['oyiga kommunalga 400 ming', 'expense', '400000.00', 'UZS', 'housing', 'kommunal', 'month', null],
    [
      'every month on the 5th internet 20 dollars',
      'expense',
      '20.00',
      'USD',
      'communication',
      'internet',
      'month',
      5,
    ],
    ['rent 500 dollars every 1st of the month', 'expense', '500.00', 'USD', 'housing', 'rent', 'month', 1],
    ['salary 1500 dollars monthly on the 25th', 'income', '1500.00', 'USD', 'salary', 'salary', 'month', 25],
    ['every Friday groceries 300k', 'expense', '300000.00', 'UZS', 'groceries', 'groceries', 'week', 5],
    ['по понедельникам спортзал 100 тыс', 'expense', '100000.00', 'UZS', 'health', 'спортзал', 'week', 1],
    ['аренда 3 млн в месяц', 'expense', '3000000.00', 'UZS', 'housing', 'аренда', 'month', null],
    ['платеж 2 млн 10 числа каждый месяц', 'expense', '2000000.00', 'UZS', 'other', 'платеж', 'month', 10],
    ['i get paid 2000 dollars every month', 'income', '2000.00', 'USD', 'other', '', 'month', null],
    ['каждый месяц мама присылает 1 млн', 'income', '1000000.00', 'UZS', 'gifts', 'мама', 'month', null],
    ['каждое воскресенье 100к маме', 'expense', '100000.00', 'UZS', 'gifts', 'маме', 'week', 7],
    ['har oy dadam 2 mln yuboradi', 'income', '2000000.00', 'UZS', 'gifts', 'dadam', 'month', null],
    ['har oy dadamga 2 mln beraman', 'expense', '2000000.00', 'UZS', 'gifts', 'dadamga', 'month', null],
    ['every week groceries 1m', 'expense', '1000000.00', 'UZS', 'groceries', 'groceries', 'week', null],
    ['po vtornikam yoga 80k', 'expense', '80000.00', 'UZS', 'health', 'yoga', 'week', 2],
    [
      'ежемесячный платеж за кредит 2 млн 10 числа',
      'expense',
      '2000000.00',
      'UZS',
      'other',
      'кредит',
      'month',
      10,
    ],
    // no amount: the rule is set up and the amount asked
    ['каждый месяц аренда', 'expense', null, 'UZS', 'housing', 'аренда', 'month', null],
    ['every month rent', 'expense', null, 'UZS', 'housing', 'rent', 'month', null],
    // Russian typed in Latin letters, a typo
    ['kazhdyj mesyac 5 chisla arenda 3 mln', 'expense', '3000000.00', 'UZS', 'housing', 'arenda', 'month', 5],
    ['ежемесячо интернет 150 тыс', 'expense', '150000.00', 'UZS', 'communication', 'интернет', 'month', null],
  ];

describe('set_recurring', () => {
  it.each(RULES)('%s', (text, type, amount, currency, category, description, every, day) => {
    const r = parsePhrase(text, O);
    expect(r.intent).toBe('set_recurring');
    const x = r.recurring!;
    expect([
      x.type,
      x.amountMinor === null ? null : (Number(x.amountMinor) / 100).toFixed(2),
      x.currency,
      x.category,
      x.description,
      x.every,
      x.day,
    ]).toEqual([type, amount, currency, category, description, every, day]);
    expect(toParseJson(r)).toEqual({ language: r.language, items: [], intent: 'unknown' });
  });

  it('a rule said for the family is the household’s', () => {
    expect(parsePhrase('каждый месяц 1 числа аренда 3 млн в семейный бюджет', O).recurring?.wallet).toBe(
      'household',
    );
  });
});

/** Not a rule: [phrase, intent] */
const NOT_RULES: Array<[string, string]> = [
  ['оплатил аренду 3 млн', 'transaction'],
  ['оплатил аренду 3 млн 1 числа', 'transaction'],
  // daily habits are not rules (rules are monthly or weekly): read as before
  ['каждый день кофе', 'unknown'],
  ['каждый день обед 50 тыс', 'transaction'],
  ['трачу 20 тысяч на обед каждый день', 'transaction'],
  // an adjective before a noun names the thing bought, with no day it is a record
  ['weekly groceries 412k', 'transaction'],
  ['ежемесячный платеж 2 млн', 'transaction'],
  // a span, not a repetition
  ['записать на семью: 300 тыс продукты на неделю', 'transaction'],
  // a saving plan is a goal
  ['буду откладывать по 2 млн в месяц на машину', 'unknown'],
  ['сколько мы в семье тратим на коммуналку в месяц', 'stats_query'],
  ['в прошлом месяце аренда 3 млн', 'transaction'],
];

describe('not a recurring rule', () => {
  it.each(NOT_RULES)('%s', (text, intent) => {
    const r = parsePhrase(text, O);
    expect(r.intent).toBe(intent);
    expect(r.recurring).toBeUndefined();
  });
});
