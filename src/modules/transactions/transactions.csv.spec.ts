import { wallClock } from '../../common/time/local-time';
import {
  CSV_HEADER,
  csvAmount,
  csvCell,
  defuseFormulas,
  localDateTime,
  transactionCsvLine,
} from './transactions.csv';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['с запятой, внутри', '"с запятой, внутри"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+998901234567', "'+998901234567"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t'=cmd"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['', ''],
    ['\r=cmd', `"'\r'=cmd"`],
    ['a;b', '"a;b"'],
    ['обед;=1+2', `"обед;'=1+2"`],
  ])('csvCell(%j) = %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    // after every separator a spreadsheet might split on: , ; tab and line breaks
    ['хлеб;=HYPERLINK("http://x")', `хлеб;'=HYPERLINK("http://x")`],
    ['хлеб,+998', "хлеб,'+998"],
    ['a\t@SUM(A1)', "a\t'@SUM(A1)"],
    ['line\n-1+2', "line\n'-1+2"],
    ['line\r\n=1', "line\r\n'=1"],
    // spaces and quotes before the formula character do not hide it
    ['a; =1', "a;' =1"],
    ['a;"=1"', `a;'"=1"`],
    ['a, \u00a0"+1', `a,' \u00a0"+1`],
    // a tab is itself a separator and a formula start: each gets its apostrophe
    ['\t=cmd', "'\t'=cmd"],
    ['a;\t=1', "a;'\t'=1"],
    // harmless text is left alone
    ['хлеб, молоко; сыр', 'хлеб, молоко; сыр'],
    ['скидка -10%', 'скидка -10%'],
    ['e-mail: a@b.uz', 'e-mail: a@b.uz'],
    ['', ''],
  ])('defuseFormulas(%j) = %j', (value, safe) => {
    expect(defuseFormulas(value)).toBe(safe);
  });

  it.each([
    [5_000_000n, '50000.00'],
    [1n, '0.01'],
    [-150_050n, '-1500.50'],
    [999_999_999_999_999n, '9999999999999.99'],
  ])('an amount stays a plain number: csvAmount(%p) = %j', (minor, cell) => {
    expect(csvAmount(minor)).toBe(cell);
    expect(cell).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('the header has a BOM and the documented columns (docs/exports.md)', () => {
    expect(CSV_HEADER).toBe('\uFEFFdate,type,amount,currency,category,category_name,description,source\r\n');
  });

  it('a row: local date and time, exact amount, defused text', () => {
    const line = transactionCsvLine(
      {
        occurredAt: new Date('2026-03-01T19:30:05Z'),
        type: 'expense',
        amountMinor: 999_999_999_999_999n,
        currency: 'UZS',
        category: 'custom:1',
        description: '-минус',
        source: 'voice',
      },
      '=Кошка',
      'Asia/Tashkent',
    );
    expect(line).toBe("2026-03-02 00:30:05,expense,9999999999999.99,UZS,custom:1,'=Кошка,'-минус,voice\r\n");
    expect(localDateTime(new Date('2026-03-01T19:30:05Z'), 'UTC')).toBe('2026-03-01 19:30:05');
  });

  it.each([
    ['Asia/Tashkent', '2026-03-01T00:00:00Z'],
    ['Europe/Berlin', '2026-03-29T00:00:00Z'], // spring forward at 01:00 UTC
    ['Europe/Berlin', '2026-10-25T00:00:00Z'], // fall back at 01:00 UTC
    ['America/St_Johns', '2026-03-08T04:00:00Z'], // half-hour zone, DST at 05:30 UTC
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'], // a 30-minute DST switch at 15:00 UTC
    ['Asia/Kolkata', '2026-01-01T00:00:00Z'],
  ])(
    'localDateTime in %s agrees with Intl minute by minute around %s (DST switches included)',
    (zone, from) => {
      const pad = (n: number) => String(n).padStart(2, '0');
      for (let i = 0; i < 6 * 60; i += 7) {
        const instant = new Date(Date.parse(from) + i * 60_000 + 59_999);
        const w = wallClock(instant, zone);
        expect(localDateTime(instant, zone)).toBe(
          `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`,
        );
      }
    },
  );
});
