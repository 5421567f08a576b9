import { cbuDate, parseCbuRates } from './cbu-rates.client';

const entry = (Ccy: string, Rate: string, Nominal = '1', Date = '28.11.2026') => ({
  id: 1,
  Code: '000',
  Ccy,
  CcyNm_RU: 'x',
  CcyNm_UZ: 'x',
  CcyNm_UZC: 'x',
  CcyNm_EN: 'x',
  Nominal,
  Rate,
  Diff: '-13.22',
  Date,
});

describe('CBU rates parsing', () => {
  it.each([
    ['28.11.2026', '2026-11-28'],
    ['01.01.2024', '2024-01-01'],
    ['29.02.2024', '2024-02-29'],
    ['29.02.2025', null],
    ['31.04.2026', null],
    ['2026-11-28', null],
    ['', null],
    [28, null],
  ])('cbuDate(%j) → %j', (text, expected) => {
    expect(cbuDate(text)).toBe(expected);
  });

  it('reads the bank format: exact rate text, nominal, the reported date', () => {
    const list = parseCbuRates([
      {
        id: 69,
        Code: '840',
        Ccy: 'USD',
        CcyNm_RU: 'Доллар США',
        CcyNm_UZ: 'AQSH dollari',
        CcyNm_UZC: 'АҚШ доллари',
        CcyNm_EN: 'US Dollar',
        Nominal: '1',
        Rate: '12741.19',
        Diff: '-13.22',
        Date: '28.11.2026',
      },
      entry('RUB', '163.61'),
      entry('JPY', '826.18', '10'),
      entry('IRR', '0.30', '100'),
    ]);
    expect(list).toEqual({
      date: '2026-11-28',
      rates: [
        { currency: 'USD', rate: '12741.19', nominal: 1 },
        { currency: 'RUB', rate: '163.61', nominal: 1 },
        { currency: 'JPY', rate: '826.18', nominal: 10 },
        { currency: 'IRR', rate: '0.30', nominal: 100 },
      ],
    });
  });

  it('skips entries that do not parse and keeps the date most entries carry', () => {
    const list = parseCbuRates([
      entry('USD', 'n/a'),
      entry('usd', '12741.19'),
      entry('EUR', '14752.66', '0'),
      entry('RUB', '163.61', '1', '27.11.2026'),
      entry('GBP', '16800.10'),
      { Ccy: 'XXX' },
      null,
      'junk',
    ]);
    expect(list).toEqual({
      date: '2026-11-28',
      rates: [
        { currency: 'USD', rate: '12741.19', nominal: 1 },
        { currency: 'GBP', rate: '16800.10', nominal: 1 },
      ],
    });
  });

  it.each([[{}], [[]], [[{ Ccy: 'USD' }]], ['<html>']])('refuses a body with nothing usable: %j', (body) => {
    expect(() => parseCbuRates(body)).toThrow(/CBU rates/);
  });
});
