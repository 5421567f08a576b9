/**
 * How people really write (docs/phrases.md): slang and shorthand amounts, spoken decimals, quantity × price,
 * Russian in Latin letters, who gave money to whom, hours that are not money. Rows are our own phrases; the frozen
 * held-out set is scored separately (bench/nlu-eval.ts --set heldout).
 */
import type { ParseOptions } from './nlu.types';
import { parsePhraseOrThrow, toParseJson } from './parser';

const OPTS: ParseOptions = {
  defaultCurrency: 'UZS',
  now: new Date('2026-12-06T10:00:00+05:00'),
  timeZone: 'Asia/Tashkent',
};

/** "type amount currency category" of each item, " ; " between items; or the intent when nothing is recorded. */
function read(text: string): string {
  const json = toParseJson(parsePhraseOrThrow(text, OPTS));
  if (json.items.length === 0) return json.intent;
  return json.items.map((i) => `${i.type} ${i.amount} ${i.currency} ${i.category}`).join(' ; ');
}

describe('amounts as people write and say them', () => {
  it.each([
    ['на ужин ушло 80 штук', 'expense 80000.00 UZS cafe'],
    ['12 штук яиц 24000', 'expense 24000.00 UZS groceries'],
    ['две штуки баксов за айфон', 'expense 2000.00 USD shopping'],
    ['косарь баксов на отпуск', 'expense 1000.00 USD entertainment'],
    ['три лимона за машину', 'expense 3000000.00 UZS transport'],
    ['купил лимон 5000', 'expense 5000.00 UZS groceries'],
    ['ушел лимон на ремонт машины', 'expense 1000000.00 UZS transport'],
    ['заработал лимон за месяц', 'income 1000000.00 UZS other'],
    ['полтинник баксов на такси', 'expense 50.00 USD transport'],
    ['две сотки баксов за куртку', 'expense 200.00 USD clothing'],
    ['150 у.е. за курсы', 'expense 150.00 USD education'],
    ['тыщ 20 на продукты', 'expense 20000.00 UZS groceries'],
    ['ijaraga 4 lyam', 'expense 4000000.00 UZS housing'],
    ['oylik 7 lyam keldi', 'income 7000000.00 UZS salary'],
    ['benzin 250 mng', 'expense 250000.00 UZS transport'],
    ['rent 2.5 mil', 'expense 2500000.00 UZS housing'],
    ['sneakers 90 doll', 'expense 90.00 USD clothing'],
    ['two point five million for rent', 'expense 2500000.00 UZS housing'],
    ['salary four point two million', 'income 4200000.00 UZS salary'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('quantity × unit price', () => {
  it.each([
    ['3 кофе по 20 тыс', 'expense 60000.00 UZS cafe'],
    ['2 кг мяса по 95 тыс', 'expense 190000.00 UZS groceries'],
    ['три билета по 40 тыс', 'expense 120000.00 UZS transport'],
    ['4 ta non 5 mingdan', 'expense 20000.00 UZS groceries'],
    ['ikki kilo go‘sht 100 mingdan', 'expense 200000.00 UZS groceries'],
    ['5 x 12k coffee', 'expense 60000.00 UZS cafe'],
    ['3 pizzas at 80k each', 'expense 240000.00 UZS cafe'],
    ['скинулись по 100 тыс', 'expense 100000.00 UZS other'], // "по" with no count before it: the price itself
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('Russian typed in Latin letters', () => {
  it.each([
    ['potratil 50 tysyach na produkty', 'expense 50000.00 UZS groceries'],
    ['vchera zaplatil za internet 120 tys', 'expense 120000.00 UZS communication'],
    ['poluchil zarplatu 6 mln', 'income 6000000.00 UZS salary'],
    ['kupil krossovki za 700 tys', 'expense 700000.00 UZS clothing'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('the date words are read too', () => {
    expect(toParseJson(parsePhraseOrThrow('vchera taksi 30 tys', OPTS)).items[0].date).toBe('2026-12-05');
  });
});

describe('who gave money to whom', () => {
  it.each([
    ['мама скинула 200 тыс', 'income 200000.00 UZS gifts'],
    ['это мне Жасур перевёл 500 тысяч', 'income 500000.00 UZS other'],
    ['перевел брату 100 тыс', 'expense 100000.00 UZS gifts'],
    ['onam 300 ming yubordi', 'income 300000.00 UZS gifts'],
    ['opamga 200 ming yubordim', 'expense 200000.00 UZS gifts'],
    ['ukamga kitob oldim 80 ming', 'expense 80000.00 UZS education'],
    ['mijoz 1 mln o‘tkazdi', 'income 1000000.00 UZS freelance'],
    ['Hi Aziz, I transferred you 300 dollars for the flat', 'income 300.00 USD other'],
    ['Дима, отправил тебе 50 тыс', 'income 50000.00 UZS other'],
    ['my dad sent me 500k', 'income 500000.00 UZS gifts'],
    ['за заказ заплатили 400 долларов', 'income 400.00 USD freelance'],
    ['заплатили за квартиру 3 млн', 'expense 3000000.00 UZS housing'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('not money', () => {
  it.each([
    ['в 5 встречаемся у кафе', 'unknown'],
    ['давай в 7 у метро', 'unknown'],
    ['who made you?', 'smalltalk'],
    ['total expenses in november', 'stats_query'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });

  it('a price at a time is still money', () => {
    expect(read('в 5 купил кофе за 20 тыс')).toBe('expense 20000.00 UZS cafe');
  });
});
