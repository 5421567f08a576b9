import { DATE_FORMAT, latestDate, readParseText, readTransactionInput } from './transactions.input';

const TZ = 'Asia/Tashkent';

describe('readTransactionInput', () => {
  it('reads a full create body', () => {
    const { values, errors } = readTransactionInput(
      {
        type: 'expense',
        amount: '50000.00',
        currency: 'uzs',
        category: 'groceries',
        description: '  продукты ',
        date: '2026-11-29',
      },
      'create',
      TZ,
    );
    expect(errors).toEqual({});
    expect(values).toEqual({
      type: 'expense',
      amountMinor: 5_000_000n,
      currency: 'UZS',
      category: 'groceries',
      description: 'продукты',
      occurredAt: new Date('2026-11-29T07:00:00Z'),
    });
  });

  it.each([
    ['"50000.00"', '50000.00', 5_000_000n],
    ['"0.01"', '0.01', 1n],
    ['JSON number 12.5', 12.5, 1250n],
    ['JSON integer', 700, 70_000n],
    ['13 integer digits', '9999999999999.99', 999_999_999_999_999n],
    ['trailing zeros', '10.500', 1050n],
  ])('accepts amount %s', (_name, amount, minor) => {
    const { values, errors } = readTransactionInput({ type: 'income', amount }, 'create', TZ);
    expect(errors).toEqual({});
    expect(values.amountMinor).toBe(minor);
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
  ])('refuses amount %j: %s', (amount, message) => {
    expect(readTransactionInput({ type: 'income', amount }, 'create', TZ).errors).toEqual({
      amount: [message],
    });
  });

  it('reports every field error at once', () => {
    const { errors } = readTransactionInput(
      { currency: 'XYZ', category: 5, description: 'x'.repeat(501), date: 'yesterday' },
      'create',
      TZ,
    );
    expect(errors).toEqual({
      type: ['This field is required.'],
      amount: ['This field is required.'],
      currency: ['"XYZ" is not a valid choice.'],
      category: ['Not a valid string.'],
      description: ['Ensure this field has no more than 500 characters.'],
      date: [DATE_FORMAT],
    });
  });

  it.each([
    ['type', 'transfer', '"transfer" is not a valid choice.'],
    ['type', null, 'This field may not be null.'],
    ['currency', 'GBP', '"GBP" is not a valid choice.'],
    ['currency', 840, '"840" is not a valid choice.'],
    ['category', '', 'This field may not be blank.'],
    ['date', '2026-02-30', DATE_FORMAT],
    ['date', 20261129, DATE_FORMAT],
  ])('refuses %s = %j', (field, value, message) => {
    const body: Record<string, unknown> = { type: 'expense', amount: '1.00', [field]: value };
    expect(readTransactionInput(body, 'create', TZ).errors).toEqual({ [field]: [message] });
  });

  it('requires type and amount on PUT but nothing on PATCH', () => {
    expect(Object.keys(readTransactionInput({}, 'replace', TZ).errors).sort()).toEqual(['amount', 'type']);
    expect(readTransactionInput({}, 'patch', TZ)).toEqual({ values: {}, errors: {} });
  });

  it('takes description null as empty and 500 characters as fine', () => {
    expect(readTransactionInput({ description: null }, 'patch', TZ).values).toEqual({ description: '' });
    expect(readTransactionInput({ description: 'я'.repeat(500) }, 'patch', TZ).errors).toEqual({});
  });
});

describe('readTransactionInput: the dates a record may carry (2000-01-01 … a year after today)', () => {
  const NOW = new Date('2026-11-29T20:00:00Z'); // 30 November already in Tashkent
  const RANGE = 'Ensure this date is between 2000-01-01 and 2027-11-30 (a year from today).';
  const read = (date: string) =>
    readTransactionInput({ type: 'expense', amount: '1.00', date }, 'create', TZ, NOW);

  it.each([
    '2000-01-01',
    '2000-01-01T00:00:00+05:00',
    '2026-11-30',
    '2027-11-30',
    '2027-11-30T23:59:59+05:00',
  ])('accepts %s', (date) => {
    expect(read(date).errors).toEqual({});
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
  ])('refuses %s with the range', (date) => {
    expect(read(date).errors).toEqual({ date: [RANGE] });
  });

  it('keeps the format error for what is not a date', () => {
    expect(read('0000-02-30').errors).toEqual({ date: [DATE_FORMAT] });
  });

  it.each([
    ['2026-11-29T10:00:00Z', 'Asia/Tashkent', '2027-11-29'],
    ['2028-02-29T10:00:00Z', 'UTC', '2029-03-01'],
    ['2026-12-31T20:00:00Z', 'Asia/Tashkent', '2028-01-01'],
  ])('a year after %s in %s is %s', (now, zone, latest) => {
    expect(latestDate(new Date(now), zone)).toBe(latest);
  });
});

describe('readParseText', () => {
  it.each([
    [{}, 'This field is required.'],
    [{ text: '' }, 'This field may not be blank.'],
    [{ text: '   ' }, 'This field may not be blank.'],
    [{ text: 42 }, 'Not a valid string.'],
    [{ text: true }, 'Not a valid string.'],
    [{ text: { a: 1 } }, 'Not a valid string.'],
    [{ text: null }, 'This field may not be null.'],
    [{ text: ['a'] }, 'Not a valid string.'],
  ])('refuses %j: %s', (body, message) => {
    expect(readParseText(body)).toEqual({ errors: { text: [message] } });
  });

  it('accepts up to 1000 characters', () => {
    expect(readParseText({ text: 'я'.repeat(1000) }).text).toHaveLength(1000);
    expect(readParseText({ text: 'я'.repeat(1001) }).errors).toEqual({
      text: ['Ensure this field has no more than 1000 characters.'],
    });
  });
});
