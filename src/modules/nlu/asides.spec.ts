/** Messages that name money but are not records: conversion questions, the future, saving intentions, limits. */
import type { Aside, ParseOptions } from './nlu.types';
import { MAX_ITEMS_PER_MESSAGE, parsePhraseOrThrow as parsePhrase, toParseJson } from './parser';

const NOW = new Date('2026-12-06T10:00:00+05:00'); // a Sunday in Tashkent
const OPTS: ParseOptions = { defaultCurrency: 'UZS', now: NOW, timeZone: 'Asia/Tashkent' };

function aside(text: string, opts: ParseOptions = OPTS): Aside | undefined {
  const result = parsePhrase(text, opts);
  if (result.aside !== undefined) {
    // never a record in the docs/interface.md §6 JSON
    expect(toParseJson(result)).toMatchObject({ intent: 'unknown', items: [] });
  }
  return result.aside;
}

describe('conversion questions: the amount, from and to', () => {
  it.each([
    ['сколько будет 100 долларов в сумах', '10000', 'USD', 'UZS'],
    ['200 евро в сумах сколько', '20000', 'EUR', 'UZS'],
    ['500 евро это сколько сум?', '50000', 'EUR', 'UZS'],
    ['1 млн сум в долларах сколько', '100000000', 'UZS', 'USD'],
    ['300 рублей в сумах', '30000', 'RUB', 'UZS'],
    ["50 dollar necha so'm bo'ladi", '5000', 'USD', 'UZS'],
    ["1 mln so'm necha dollar", '100000000', 'UZS', 'USD'],
    ['200 доллар неча сўм', '20000', 'USD', 'UZS'],
    ["what's 300 dollars in sum", '30000', 'USD', 'UZS'],
    ['convert 2 mln uzs to dollars', '200000000', 'UZS', 'USD'],
    ['250 rubles to uzs?', '25000', 'RUB', 'UZS'],
    ['курс доллара', '100', 'USD', 'UZS'],
    ['euro rate', '100', 'EUR', 'UZS'],
  ])('%s', (text, minor, from, to) => {
    expect(aside(text)).toEqual({ kind: 'conversion', amountMinor: BigInt(minor), from, to });
  });

  it.each([
    'потратил 100 долларов',
    'поменяй валюту на доллары',
    '100 долларов',
    'обед 50000 сум и такси 20000 сум',
    'купил 100 долларов за 1 270 000 сум', // a purchase of currency is a record, not a question
  ])('not a conversion: %s', (text) => {
    expect(aside(text)?.kind).not.toBe('conversion');
  });
});

describe('the future is never recorded as today', () => {
  it.each([
    ['завтра куплю билеты 800 тыс', '2026-12-07', '80000000', 'transport'],
    ['послезавтра заплачу за свет 120 тыс', '2026-12-08', '12000000', 'housing'],
    ['в понедельник надо заплатить за садик 1.2 млн', '2026-12-07', '120000000', 'education'],
    ['в пятницу отдам за квартиру 3 млн', '2026-12-11', '300000000', 'housing'],
    ['на следующей неделе отдам за аренду 4 млн', '2026-12-07', '400000000', 'housing'],
    ['надо будет купить зимнюю резину где-то 2 млн', null, '200000000', 'transport'],
    ['потрачу 50к на подарок', null, '5000000', 'gifts'],
    ["ertaga 100 ming to'lashim kerak", '2026-12-07', '10000000', 'other'],
    ["keyingi oy kontrakt to'layman 12 mln", '2027-01-01', '1200000000', 'education'],
    ['душанба куни ижарага 3 миллион бераман', '2026-12-07', '300000000', 'housing'],
    ['tomorrow flight 2 mln', '2026-12-07', '200000000', 'transport'],
    ['need to pay 500k for internet tomorrow', '2026-12-07', '50000000', 'communication'],
    ['going to pay rent on monday 3.5 mln', '2026-12-07', '350000000', 'housing'],
  ])('%s → %s', (text, date, minor, category) => {
    const a = aside(text);
    expect(a?.kind).toBe('future');
    if (a?.kind !== 'future') return;
    expect(a.date).toBe(date);
    expect(a.items).toHaveLength(1);
    expect(a.items[0]).toMatchObject({
      type: 'expense',
      amountMinor: BigInt(minor),
      category,
      date: date ?? '2026-12-06',
    });
  });

  it.each([
    ['заплатил за свет 120 тыс', 'expense'],
    ['надо было заплатить 50 тыс, заплатил', 'expense'],
    ['в понедельник заплатил за садик 1.2 млн', 'expense'],
    ['have 50k left after lunch 30k', 'expense'],
  ])('the past stays a record: %s', (text, type) => {
    const r = parsePhrase(text, OPTS);
    expect(r.aside).toBeUndefined();
    expect(r.items[0]?.type).toBe(type);
  });

  it('a future phrase without money is not an aside', () => {
    expect(parsePhrase('ertaga ishga boraman', OPTS)).toMatchObject({ intent: 'unknown', items: [] });
    expect(parsePhrase('ertaga ishga boraman', OPTS).aside).toBeUndefined();
  });
});

describe('saving intentions lead to a goal, never an expense', () => {
  it.each([
    ['коплю на ноутбук 1000$', 'Ноутбук', '100000', 'USD'],
    ['хочу накопить 5 млн на отпуск', 'Отпуск', '500000000', 'UZS'],
    ['буду откладывать по 2 млн в месяц на машину', 'Машина', null, 'UZS'],
    ["mashina uchun 50 mln yig'moqchiman", 'Mashina', '5000000000', 'UZS'],
    ["noutbukka pul yig'yapman, 9 mln kerak", 'Noutbuk', '900000000', 'UZS'],
    ['уй учун 30 минг доллар йиғмоқчиман', 'Уй', '3000000', 'USD'],
    ['saving 500 dollars for a laptop', 'Laptop', '50000', 'USD'],
    ['saving up for a ps5, need 7 mln', 'Ps5', '700000000', 'UZS'],
    ['gonna put aside 500k every month for a car', 'Car', null, 'UZS'],
  ])('%s → %s', (text, title, minor, currency) => {
    expect(aside(text)).toEqual({
      kind: 'saving_goal',
      title,
      amountMinor: minor === null ? null : BigInt(minor),
      currency,
      deadline: null,
    });
  });

  it('a season is a deadline', () => {
    expect(aside('i want to save 2000 dollars by summer')).toMatchObject({
      kind: 'saving_goal',
      deadline: '2027-06-01',
    });
  });

  it('money already put aside is not a new goal (a contribution, read by the goals flow)', () => {
    expect(parsePhrase('отложил 500 тысяч на телефон', OPTS).aside).toBeUndefined();
  });
});

describe('thousands words in a non-sum default currency: ask which currency', () => {
  const USD: ParseOptions = { ...OPTS, defaultCurrency: 'USD' };
  it.each(['такси 40 тыс', 'tushlik 50 ming', 'lunch 70k', 'groceries 250 thousand', 'rent 3 mln'])(
    '%s asks',
    (text) => {
      const a = aside(text, USD);
      expect(a?.kind).toBe('ask_currency');
      if (a?.kind !== 'ask_currency') return;
      expect(a.choices).toEqual(['USD', 'UZS']);
      expect(a.items[0].currency).toBe('USD');
    },
  );

  it.each([
    ['coffee 5', '5.00', 'USD'],
    ['salary 2500 came in', '2500.00', 'USD'],
    ['за такси 35 тыс сум отдал', '35000.00', 'UZS'],
    ['такси 40 тыс долларов', '40000.00', 'USD'],
  ])('%s records', (text, amount, currency) => {
    expect(toParseJson(parsePhrase(text, USD)).items).toMatchObject([{ amount, currency }]);
  });

  it('in sums nothing is asked', () => {
    expect(parsePhrase('такси 40 тыс', OPTS).aside).toBeUndefined();
  });
});

describe('limits', () => {
  it('an amount larger than a record can hold is said, not dropped', () => {
    expect(aside('потратил 99999999999999999 сум')).toEqual({ kind: 'too_large' });
    expect(aside('зарплата 5 000 000 000 000 000')).toEqual({ kind: 'too_large' });
  });

  it('more items than one message may record are refused as a whole', () => {
    expect(aside('1 '.repeat(300))).toEqual({ kind: 'too_many', count: 300, limit: MAX_ITEMS_PER_MESSAGE });
    const list = Array.from({ length: MAX_ITEMS_PER_MESSAGE }, (_, i) => `хлеб ${5000 + i}`).join(', ');
    expect(parsePhrase(list, OPTS).items).toHaveLength(MAX_ITEMS_PER_MESSAGE);
  });

  it('a message is read to Telegram’s 4,096 characters', () => {
    const text = `${'а '.repeat(1900)}такси 22000`; // 3,811 characters
    expect(toParseJson(parsePhrase(text, OPTS)).items).toMatchObject([
      { amount: '22000.00', category: 'transport' },
    ]);
  });
});
