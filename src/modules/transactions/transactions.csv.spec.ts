import { CSV_HEADER, csvCell, localDateTime, transactionCsvLine } from './transactions.csv';

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
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['', ''],
  ])('csvCell(%j) = %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
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
