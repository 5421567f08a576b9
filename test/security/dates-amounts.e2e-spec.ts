/**
 * Dates and amounts are exact or refused (issue 12, finding 11): a year typed as 0000–0099 was stored as 1900–1999
 * (Date.UTC's two-digit-year rule); a record's date must lie between 2000-01-01 and a year after the user's today;
 * an amount no record can hold (more than 13 digits before the point) is a field error over REST and in /parse,
 * never a silent null or an empty answer.
 */
import { localDate } from '../../src/common/time/local-time';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TestApp } from '../helpers/test-app';

const TZ = 'Asia/Tashkent';
const DIGITS = 'Ensure that there are no more than 13 digits before the decimal point.';

let nextChatId = 895_000_000;

/** YYYY-MM-DD `days` after today in Tashkent, `years` later. */
function day(years: number, days = 0): string {
  const [y, m, d] = localDate(new Date(), TZ).split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y + years, m - 1, d + days);
  return t.toISOString().slice(0, 10);
}

describe('security: dates and amounts exact or refused (e2e)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none' });
    const user = await accessTokenFor(t, nextChatId++);
    auth = { Authorization: `Bearer ${user.token}` };
    userId = user.userId;
  });
  afterAll(() => t?.close());

  const create = (body: object) =>
    t.http
      .post('/api/transactions/')
      .set(auth)
      .send({ type: 'expense', amount: '1000.00', currency: 'UZS', ...body });
  const stored = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM transactions WHERE user_id = $1', [userId]))[0]
      .n as number;
  const range = () => `Ensure this date is between 2000-01-01 and ${day(1)} (a year from today).`;

  it.each([
    '0000-01-01',
    '0026-11-29',
    '0099-12-31',
    '0099-12-31T10:00:00+05:00',
    '1926-11-29',
    '1999-12-31',
  ])('POST with date %s → 400 on date, nothing stored (not a silent 19xx)', async (date) => {
    const before = await stored();
    const res = await create({ date }).expect(400);
    expect(res.body).toEqual({ date: [range()] });
    expect(await stored()).toBe(before);
  });

  it('a date more than a year ahead → 400; a year ahead and 2000-01-01 are fine, stored as those days', async () => {
    expect((await create({ date: day(1, 1) }).expect(400)).body).toEqual({ date: [range()] });
    const latest = await create({ date: day(1) }).expect(201);
    const earliest = await create({ date: '2000-01-01' }).expect(201);
    const rows: Array<{ id: string; d: string }> = await t.db.query(
      `SELECT id, to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD') AS d FROM transactions WHERE id = ANY($1::uuid[])`,
      [[latest.body.id, earliest.body.id]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.d]))).toEqual({
      [latest.body.id]: day(1),
      [earliest.body.id]: '2000-01-01',
    });
  });

  it('PUT and PATCH refuse the same dates and keep the stored one', async () => {
    const { body: tx } = await create({ date: '2026-01-15' }).expect(201);
    expect(
      (await t.http.patch(`/api/transactions/${tx.id}/`).set(auth).send({ date: '0026-01-15' }).expect(400))
        .body,
    ).toEqual({ date: [range()] });
    const put = { type: 'expense', amount: '1000.00', currency: 'UZS', date: '0001-01-01' };
    expect((await t.http.put(`/api/transactions/${tx.id}/`).set(auth).send(put).expect(400)).body).toEqual({
      date: [range()],
    });
    expect((await t.http.get(`/api/transactions/${tx.id}/`).set(auth).expect(200)).body.date).toMatch(
      /^2026-01-15/,
    );
  });

  it.each([['10000000000000.00'], ['99999999999999999'], [1e15], [12345678901234.5]])(
    'REST amount %j → 400 on amount',
    async (amount) => {
      expect((await create({ amount }).expect(400)).body).toEqual({ amount: [DIGITS] });
    },
  );

  it.each([
    'потратил 99999999999999999 сум на продукты',
    'taksiga 100000000000000 ming berdim',
    'got paid 50000000000000 dollars',
  ])('POST /api/transactions/parse/ %j → 400 on text, not an empty or null answer', async (text) => {
    const res = await t.http.post('/api/transactions/parse/').set(auth).send({ text }).expect(400);
    expect(res.body).toEqual({
      text: [
        'The amount is too large: ensure that there are no more than 13 digits before the decimal point.',
      ],
    });
  });

  it('the largest amount a record holds still parses and records', async () => {
    const parsed = await t.http
      .post('/api/transactions/parse/')
      .set(auth)
      .send({ text: 'потратил 9999999999999 сум на продукты' })
      .expect(200);
    expect(parsed.body.items).toEqual([expect.objectContaining({ amount: '9999999999999.00' })]);
    await create({ amount: '9999999999999.99' }).expect(201);
  });
});
