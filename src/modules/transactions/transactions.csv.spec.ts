import { CSV_HEADER, csvAmount, csvCell, defuseFormulas, localDateTime, transactionCsvLine } from './transactions.csv';

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

  it('the header has a BOM and the columns of the contract', () => {
    expect(CSV_HEADER).toBe('\uFEFFdate,type,amount,currency,category,category_name,description,source\r\n');
  });

  it('a row: local date and time, exact amount, defused text', () => {
    const line = transactionCsvLine(
      { occurredAt: new Date('2026-03-01T19:30:05Z'), type: 'expense', amountMinor: 999_999_999_999_999n, currency: 'UZS', category: 'custom:1', description: '-минус', source: 'voice' },
      '=Кошка',
      'Asia/Tashkent',
    );
    expect(line).toBe("2026-03-02 00:30:05,expense,9999999999999.99,UZS,custom:1,'=Кошка,'-минус,voice\r\n");
    expect(localDateTime(new Date('2026-03-01T19:30:05Z'), 'UTC')).toBe('2026-03-01 19:30:05');
  });
});
