import { readDateOrDateTime } from '../../common/time/local-time';
import { DATE_FORMAT } from '../../common/validation/messages';
import { checkBody } from '../../common/validation/testing';
import { ParseBodyDto, TransactionBodyDto, transactionInput, TransactionPatchDto } from './transactions.dto';
import { dateRangeProblem, latestDate } from './transactions.rules';

const TZ = 'Asia/Tashkent';
const create = (body: unknown) => checkBody(TransactionBodyDto, body);
const patch = (body: unknown) => checkBody(TransactionPatchDto, body);

describe('TransactionBodyDto', () => {
  it('reads a full create body', async () => {
    const { value, errors } = await create({
      type: 'expense',
      amount: '50000.00',
      currency: 'uzs',
      category: ' groceries ',
      description: '  продукты ',
      date: '2026-11-29',
      unknown: 'ignored',
    });
    expect(errors).toEqual({});
    expect(value).toBeInstanceOf(TransactionBodyDto);
    expect(transactionInput(value!)).toEqual({
      type: 'expense',
      amountMinor: 5_000_000n,
      currency: 'UZS',
      category: 'groceries',
      description: 'продукты',
      date: '2026-11-29',
    });
    expect(value).not.toHaveProperty('unknown');
  });

  it.each([
    ['"50000.00"', '50000.00', 5_000_000n],
    ['"0.01"', '0.01', 1n],
    ['JSON number 12.5', 12.5, 1250n],
    ['JSON integer', 700, 70_000n],
    ['13 integer digits', '9999999999999.99', 999_999_999_999_999n],
    ['trailing zeros', '10.500', 1050n],
  ])('accepts amount %s', async (_name, amount, minor) => {
    const { value, errors } = await create({ type: 'income', amount });
    expect(errors).toEqual({});
    expect(value!.amount).toBe(minor);
  });

  it.each([
    ['12.345', 'Ensure that there are no more than 2 decimal places.'],
    [12.345, 'Ensure that there are no more than 2 decimal places.'],
    [0.1 + 0.2, 'Ensure that there are no more than 2 decimal places.'],
    ['10000000000000.00', 'Ensure that there are no more than 13 digits before the decimal point.'],
    [1e20, 'Ensure that there are no more than 13 digits before the decimal point.'],
    ['0', 'Ensure this value is greater than or equal to 0.01.'],
    ['0.00', 'Ensure this value is greater than or equal to 0.01.'],
    ['-5', 'Ensure this value is greater than or equal to 0.01.'],
    [-5, 'Ensure this value is greater than or equal to 0.01.'],
    ['abc', 'A valid number is required.'],
    ['', 'A valid number is required.'],
    ['1,5', 'A valid number is required.'],
    [true, 'A valid number is required.'],
    [{}, 'A valid number is required.'],
    [null, 'This field may not be null.'],
  ])('refuses amount %j: %s', async (amount, message) => {
    expect((await create({ type: 'income', amount })).errors).toEqual({ amount: [message] });
  });

  it('reports every field error at once, in the order of the fields', async () => {
    const { errors } = await create({
      date: 'yesterday',
      description: 'x'.repeat(501),
      category: 5,
      currency: 'XYZ',
    });
    expect(Object.entries(errors)).toEqual([
      ['type', ['This field is required.']],
      ['amount', ['This field is required.']],
      ['currency', ['"XYZ" is not a valid choice.']],
      ['category', ['Not a valid string.']],
      ['description', ['Ensure this field has no more than 500 characters.']],
      ['date', [DATE_FORMAT]],
    ]);
  });

  it.each([
    ['type', 'transfer', '"transfer" is not a valid choice.'],
    ['type', null, 'This field may not be null.'],
    ['type', ['expense'], '"["expense"]" is not a valid choice.'],
    ['currency', 'GBP', '"GBP" is not a valid choice.'],
    ['currency', 840, '"840" is not a valid choice.'],
    ['currency', null, 'This field may not be null.'],
    ['category', '', 'This field may not be blank.'],
    ['category', null, 'This field may not be null.'],
    ['category', 'x'.repeat(65), `"${'x'.repeat(65)}" is not a valid choice.`],
    ['description', 5, 'Not a valid string.'],
    ['date', '2026-02-30', DATE_FORMAT],
    ['date', 20261129, DATE_FORMAT],
    ['date', null, 'This field may not be null.'],
  ])('refuses %s = %j', async (field, value, message) => {
    const body: Record<string, unknown> = { type: 'expense', amount: '1.00', [field]: value };
    expect((await create(body)).errors).toEqual({ [field]: [message] });
  });

  it('requires type and amount on POST and PUT but nothing on PATCH', async () => {
    expect(Object.keys((await create({})).errors)).toEqual(['type', 'amount']);
    const empty = await patch({});
    expect(empty.errors).toEqual({});
    expect(transactionInput(empty.value!)).toEqual({});
  });

  it('PATCH refuses null where POST does, and checks what is sent', async () => {
    expect((await patch({ type: null, amount: '0' })).errors).toEqual({
      type: ['This field may not be null.'],
      amount: ['Ensure this value is greater than or equal to 0.01.'],
    });
  });

  it('takes description null as empty and 500 characters as fine', async () => {
    expect((await patch({ description: null })).value!.description).toBe('');
    expect((await patch({ description: 'я'.repeat(500) })).errors).toEqual({});
  });

  it.each([[[1]], ['x'], [5], [null]])('refuses a body that is not an object: %j', async (body) => {
    expect(Object.keys((await create(body)).errors)).toEqual(['non_field_errors']);
  });
});

describe('the dates a record may carry (2000-01-01 … a year after today)', () => {
  const NOW = new Date('2026-11-29T20:00:00Z'); // 30 November already in Tashkent
  const RANGE = 'Ensure this date is between 2000-01-01 and 2027-11-30 (a year from today).';
  const problem = (date: string) => dateRangeProblem(readDateOrDateTime(date, TZ)!, TZ, NOW);

  it.each([
    '2000-01-01',
    '2000-01-01T00:00:00+05:00',
    '2026-11-30',
    '2027-11-30',
    '2027-11-30T23:59:59+05:00',
  ])('accepts %s', (date) => {
    expect(problem(date)).toBeUndefined();
  });

  it.each([
    '0000-01-01',
    '0026-11-29', // a two-digit year typed with zeros: once silently stored as 1926
    '0099-12-31',
    '1026-11-29',
    '1999-12-31',
    '1999-12-31T23:59:59+05:00',
    '2027-12-01',
    '2027-11-30T19:00:00Z', // 1 December in Tashkent
    '9999-12-31',
  ])('refuses %s with the range', async (date) => {
    expect((await create({ type: 'expense', amount: '1.00', date })).errors).toEqual({});
    expect(problem(date)).toBe(RANGE);
  });

  it('keeps the format error for what is not a date', async () => {
    expect((await create({ type: 'expense', amount: '1.00', date: '0000-02-30' })).errors).toEqual({
      date: [DATE_FORMAT],
    });
  });

  it.each([
    ['2026-11-29T10:00:00Z', 'Asia/Tashkent', '2027-11-29'],
    ['2028-02-29T10:00:00Z', 'UTC', '2029-03-01'],
    ['2026-12-31T20:00:00Z', 'Asia/Tashkent', '2028-01-01'],
  ])('a year after %s in %s is %s', (now, zone, latest) => {
    expect(latestDate(new Date(now), zone)).toBe(latest);
  });
});

describe('ParseBodyDto', () => {
  it.each([
    [{}, 'This field is required.'],
    [{ text: '' }, 'This field may not be blank.'],
    [{ text: '   ' }, 'This field may not be blank.'],
    [{ text: 42 }, 'Not a valid string.'],
    [{ text: true }, 'Not a valid string.'],
    [{ text: { a: 1 } }, 'Not a valid string.'],
    [{ text: null }, 'This field may not be null.'],
    [{ text: ['a'] }, 'Not a valid string.'],
  ])('refuses %j: %s', async (body, message) => {
    expect((await checkBody(ParseBodyDto, body)).errors).toEqual({ text: [message] });
  });

  it('accepts up to 1000 characters, spaces around counted and kept', async () => {
    expect((await checkBody(ParseBodyDto, { text: 'я'.repeat(1000) })).value!.text).toHaveLength(1000);
    expect((await checkBody(ParseBodyDto, { text: ' 50000 ' })).value!.text).toBe(' 50000 ');
    expect((await checkBody(ParseBodyDto, { text: 'я'.repeat(1000) + ' ' })).errors).toEqual({
      text: ['Ensure this field has no more than 1000 characters.'],
    });
  });
});
