import { parsePhrase } from './parser';
import { namesMatch, nextDayMonth, parseDebt, parseGoal } from './plans';

const NOW = new Date('2026-11-29T10:00:00+05:00');
const O = { defaultCurrency: 'UZS' as const, now: NOW, timeZone: 'Asia/Tashkent' };

/** [phrase, kind, title/target, amount (major units, string) | null, currency | null, date | null] */
describe('parseGoal', () => {
  it.each([
    ['цель: телефон 3 млн к 1 марта', 'goal_create', 'Телефон', '3000000.00', 'UZS', '2027-03-01'],
    ['Цель машина 100 миллионов', 'goal_create', 'Машина', '100000000.00', 'UZS', null],
    ['новая цель: отпуск 2000 долларов до 1 июля', 'goal_create', 'Отпуск', '2000.00', 'USD', '2027-07-01'],
    ['накопить на машину 100 млн', 'goal_create', 'Машина', '100000000.00', 'UZS', null],
    ["maqsad: mashina 100 million so'm", 'goal_create', 'Mashina', '100000000.00', 'UZS', null],
    ['maqsad: telefon 500 dollar 1-martgacha', 'goal_create', 'Telefon', '500.00', 'USD', '2027-03-01'],
    ['мақсад: уй 50 минг доллар', 'goal_create', 'Уй', '50000.00', 'USD', null],
    ['goal: laptop 1200 dollars by June 1', 'goal_create', 'Laptop', '1200.00', 'USD', '2027-06-01'],
    [
      'new goal vacation 3000 euro until 2027-08-15',
      'goal_create',
      'Vacation',
      '3000.00',
      'EUR',
      '2027-08-15',
    ],
    ['goal: bike 500 by December 31', 'goal_create', 'Bike', '500.00', 'UZS', '2026-12-31'],
    ['цель телефон', 'goal_create', 'Телефон', null, 'UZS', null],
    ['отложил 500 тысяч на телефон', 'goal_contribute', 'телефон', '500000.00', null, null],
    ['отложила 100 долларов на отпуск', 'goal_contribute', 'отпуск', '100.00', 'USD', null],
    ['отложил 200 тысяч', 'goal_contribute', '', '200000.00', null, null],
    ['telefonga 500 ming ajratdim', 'goal_contribute', 'telefon', '500000.00', null, null],
    ["mashina uchun 2 million yig'dim", 'goal_contribute', 'mashina', '2000000.00', null, null],
    ['saved 100 dollars for laptop', 'goal_contribute', 'laptop', '100.00', 'USD', null],
    ['put aside 50 towards bike', 'goal_contribute', 'bike', '50.00', null, null],
  ])('%s', (text, kind, name, amount, currency, date) => {
    const r = parseGoal(text, O);
    expect(r).not.toBeNull();
    expect(r!.kind).toBe(kind);
    if (r!.kind === 'goal_create') {
      expect([
        r!.title,
        r!.amountMinor === null ? null : (Number(r!.amountMinor) / 100).toFixed(2),
        r!.currency,
        r!.deadline,
      ]).toEqual([name, amount, currency, date]);
    } else {
      expect([r!.target, (Number(r!.amountMinor) / 100).toFixed(2), r!.currency]).toEqual([
        name,
        amount,
        currency,
      ]);
    }
  });

  it.each([
    'потратил 50000 на продукты',
    'такси 20000',
    'добавь 50000',
    'привет',
    '',
    'какой у меня баланс',
    'taksiga 20 ming berdim',
    'spent 20 dollars on lunch',
  ])('not a goal: %s', (text) => {
    expect(parseGoal(text, O)).toBeNull();
  });

  it('a weak verb without a goal word is not explicit ("добавь 50000 на такси" may still be a transaction)', () => {
    expect(parseGoal('добавь 50000 на такси', O)).toMatchObject({
      kind: 'goal_contribute',
      target: 'такси',
      explicit: false,
    });
    expect(parseGoal('отложил 50000 на такси', O)).toMatchObject({ explicit: true });
  });

  it('never throws on odd input', () => {
    expect(parseGoal(undefined as unknown as string, O)).toBeNull();
    expect(parseGoal('цель: ' + 'x'.repeat(5000) + ' 100', O)).toMatchObject({ kind: 'goal_create' });
  });
});

describe('parseDebt', () => {
  it.each([
    ['дал в долг Алишеру 200 долларов до 1 июня', 'lent', 'Алишер', '200.00', 'USD', '2027-06-01'],
    ['взял в долг у брата 5 млн', 'borrowed', 'Брат', '5000000.00', 'UZS', null],
    ['Дал в долг Ахмаду 50000 сум', 'lent', 'Ахмад', '50000.00', 'UZS', null],
    ['занял у мамы 300 тысяч', 'borrowed', 'Мама', '300000.00', 'UZS', null],
    ['одолжил Саше 100 долларов до завтра', 'lent', 'Саше', '100.00', 'USD', '2026-11-30'],
    ['Alisherga 200 dollar qarz berdim', 'lent', 'Alisher', '200.00', 'USD', null],
    ['akamdan 5 million qarz oldim', 'borrowed', 'Akam', '5000000.00', 'UZS', null],
    ['Alisherga 1 million qarzga berdim 1-iyungacha', 'lent', 'Alisher', '1000000.00', 'UZS', '2027-06-01'],
    ['акамдан 5 миллион қарз олдим', 'borrowed', 'Акам', '5000000.00', 'UZS', null],
    ['lent Alisher 200 dollars until June 1', 'lent', 'Alisher', '200.00', 'USD', '2027-06-01'],
    ['borrowed 5 million from my brother', 'borrowed', 'Brother', '5000000.00', 'UZS', null],
    ['I lent John 50 euro', 'lent', 'John', '50.00', 'EUR', null],
  ])('%s', (text, direction, name, amount, currency, due) => {
    const r = parseDebt(text, O);
    expect(r).not.toBeNull();
    expect(r!.kind).toBe('debt_create');
    if (r!.kind !== 'debt_create') return;
    expect([
      r!.direction,
      r!.counterparty,
      r!.amountMinor === null ? null : (Number(r!.amountMinor) / 100).toFixed(2),
      r!.currency,
      r!.dueDate,
    ]).toEqual([direction, name, amount, currency, due]);
  });

  it.each([
    ['Алишер вернул 50 долларов', 'Алишер', '50.00', 'USD', 'lent'],
    ['Брат вернул 1 млн', 'Брат', '1000000.00', null, 'lent'],
    ['я вернул брату 1 млн', 'Брат', '1000000.00', null, 'borrowed'],
    ['Alisher 50 dollar qaytardi', 'Alisher', '50.00', 'USD', 'lent'],
    ['akamga 1 million qaytardim', 'Akam', '1000000.00', null, 'borrowed'],
    ['Alisher paid back 50 dollars', 'Alisher', '50.00', 'USD', 'lent'],
    ['I paid back my brother 1 million', 'Brother', '1000000.00', null, 'borrowed'],
  ])('repayment: %s', (text, name, amount, currency, direction) => {
    const r = parseDebt(text, O);
    expect(r).toMatchObject({ kind: 'debt_repay', counterparty: name, currency, direction });
    expect((Number(r!.amountMinor) / 100).toFixed(2)).toBe(amount);
  });

  it.each([
    'paid the loan 500000',
    'вернул долг 500000',
    'занял 100 тысяч',
    'мне вернули долг 100 000',
    'потратил 50000 на продукты',
    'paid 20 dollars for lunch',
    'taksiga 20 ming berdim',
    'вернул',
    'такси 20000',
    'дал в долг',
  ])('not a debt: %s', (text) => {
    expect(parseDebt(text, O)).toBeNull();
  });
});

describe('the transaction parser is unchanged by these phrases', () => {
  it.each([
    ['цель: телефон 3 млн к 1 марта', 'unknown'],
    ['дал в долг Алишеру 200 долларов до 1 июня', 'transaction'],
    ['взял в долг у брата 5 млн', 'transaction'],
  ])('%s → %s', (text, intent) => {
    expect(parsePhrase(text, { defaultCurrency: 'UZS', now: NOW }).intent).toBe(intent);
  });
});

describe('helpers', () => {
  it.each([
    [{ y: 2026, m: 11, d: 29 }, 1, 3, '2027-03-01'],
    [{ y: 2026, m: 11, d: 29 }, 29, 11, '2026-11-29'],
    [{ y: 2026, m: 11, d: 29 }, 30, 11, '2026-11-30'],
    [{ y: 2026, m: 11, d: 29 }, 29, 2, '2028-02-29'],
  ])('next %s/%s after %j', (today, day, month, expected) => {
    const d = nextDayMonth(today, day, month)!;
    expect(`${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`).toBe(expected);
  });

  it.each([
    ['телефону', 'Телефон', true],
    ['телефон', 'Новый телефон', true],
    ['Alisherga', 'Alisher', true],
    ['akamdan', 'Akam', true],
    ['машину', 'Машина', true],
    ['Алишер', 'Ахмад', false],
    ['ноутбук', 'Телефон', false],
    ['al', 'Alisher', false],
  ])('namesMatch(%s, %s) = %s', (query, stored, expected) => {
    expect(namesMatch(query, stored)).toBe(expected);
  });
});
