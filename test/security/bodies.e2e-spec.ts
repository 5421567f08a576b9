/**
 * Malformed and oversized input, one table: every row is a request a client or attacker might send; each must be a
 * clear 4xx with a DRF-shaped JSON body, never a 5xx, and the app stays healthy afterwards.
 */
import { accessTokenFor } from '../helpers/auth';
import { portOf, postBytes } from '../helpers/raw-http';
import { startTestApp, TEST_WEBHOOK_SECRET, TestApp } from '../helpers/test-app';
import { SECRET_HEADER, textUpdate, WEBHOOK } from '../helpers/updates';

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const MB = 1024 * 1024;

interface Row {
  name: string;
  method?: 'post' | 'patch' | 'put';
  path: string;
  contentType?: string;
  body: string | Buffer;
  /** Allowed statuses (all 4xx). */
  status: number[];
  auth?: boolean;
  webhook?: boolean;
}

const TX = '/api/transactions/';
const tx = (o: Record<string, unknown>) => JSON.stringify({ type: 'expense', currency: 'UZS', ...o });
const ROWS: Row[] = [
  // not JSON / wrong content types
  {
    name: 'REST: not JSON',
    path: TX,
    contentType: 'application/json',
    body: '{"type": "expense",',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: JSON null',
    path: TX,
    contentType: 'application/json',
    body: 'null',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: JSON array',
    path: TX,
    contentType: 'application/json',
    body: '[1,2]',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: JSON string',
    path: TX,
    contentType: 'application/json',
    body: '"amount"',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: text/plain',
    path: TX,
    contentType: 'text/plain',
    body: 'amount=5',
    status: [400, 415],
    auth: true,
  },
  {
    name: 'REST: XML',
    path: TX,
    contentType: 'application/xml',
    body: '<tx><amount>5</amount></tx>',
    status: [400, 415],
    auth: true,
  },
  {
    name: 'REST: form-urlencoded',
    path: TX,
    contentType: 'application/x-www-form-urlencoded',
    body: 'type=expense&amount=5',
    status: [400, 415],
    auth: true,
  },
  {
    name: 'REST: multipart',
    path: TX,
    contentType: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    status: [400, 415],
    auth: true,
  },
  {
    name: 'REST: binary garbage',
    path: TX,
    contentType: 'application/json',
    body: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: charset nobody knows',
    path: TX,
    contentType: 'application/json; charset=klingon',
    body: tx({ amount: '5.00' }),
    status: [400, 415],
    auth: true,
  },
  {
    name: 'login: not JSON',
    path: '/api/users/auth/telegram-login/',
    contentType: 'application/json',
    body: '{{{',
    status: [400],
  },
  {
    name: 'refresh: not JSON',
    path: '/api/users/auth/refresh-token/',
    contentType: 'application/json',
    body: 'refresh=abc',
    status: [400],
  },
  // deep nesting
  {
    name: 'REST: 30,000-deep array (60 kB)',
    path: TX,
    contentType: 'application/json',
    body: deepArray(30_000),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: 100,000-deep array (over the body limit)',
    path: TX,
    contentType: 'application/json',
    body: deepArray(100_000),
    status: [413],
    auth: true,
  },
  {
    name: 'REST: 10,000-deep object',
    path: TX,
    contentType: 'application/json',
    body: deepObject(10_000),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: nested object as the amount',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: JSON.parse(deepObject(200)) }),
    status: [400],
    auth: true,
  },
  {
    name: 'login: 30,000-deep array',
    path: '/api/users/auth/telegram-login/',
    contentType: 'application/json',
    body: deepArray(30_000),
    status: [400],
  },
  // oversized
  {
    name: 'REST: 1 MB + 1 body',
    path: TX,
    contentType: 'application/json',
    body: tx({ description: 'x'.repeat(MB) }),
    status: [413],
    auth: true,
  },
  {
    name: 'REST: 5 MB body',
    path: TX,
    contentType: 'application/json',
    body: tx({ description: 'x'.repeat(5 * MB) }),
    status: [413],
    auth: true,
  },
  {
    name: 'REST: a description of 40 kB',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '1.00', description: 'я'.repeat(20_000) }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: a description of 200 kB (over the 64 kB body limit)',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '1.00', description: 'я'.repeat(100_000) }),
    status: [413],
    auth: true,
  },
  {
    name: 'parse: a text of 60 kB',
    path: `${TX}parse/`,
    contentType: 'application/json',
    body: JSON.stringify({ text: 'coffee 5000 '.repeat(5_000) }),
    status: [400],
    auth: true,
  },
  {
    name: 'parse: a text of 900 kB',
    path: `${TX}parse/`,
    contentType: 'application/json',
    body: JSON.stringify({ text: 'coffee 5000 '.repeat(70_000) }),
    status: [413],
    auth: true,
  },
  // huge numbers
  {
    name: 'REST: amount 1e308 as a number',
    path: TX,
    contentType: 'application/json',
    body: '{"type":"expense","currency":"UZS","amount":1e308}',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount 1e309 (Infinity)',
    path: TX,
    contentType: 'application/json',
    body: '{"type":"expense","currency":"UZS","amount":1e309}',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount of 400 digits',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '9'.repeat(400) }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount "1e20"',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '1e20' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount "NaN"',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: 'NaN' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount "-0.00"',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '-0.00' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: amount "0x10"',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '0x10' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: page 1e30',
    path: `${TX}?page=1000000000000000000000000000000`,
    contentType: 'application/json',
    body: '',
    status: [400, 404],
    auth: true,
  },
  {
    name: 'login: chat id 1e30',
    path: '/api/users/auth/telegram-login/',
    contentType: 'application/json',
    body: '{"telegram_chat_id": 1e30}',
    status: [400, 401],
  },
  {
    name: 'login: chat id of 500 digits',
    path: '/api/users/auth/telegram-login/',
    contentType: 'application/json',
    body: `{"telegram_chat_id": ${'9'.repeat(500)}}`,
    status: [400, 401],
  },
  // unicode
  {
    name: 'REST: NUL in the description',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '1.00', description: 'a\u0000b' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: lone surrogate in the description',
    path: TX,
    contentType: 'application/json',
    body: '{"type":"expense","currency":"UZS","amount":"1.00","description":"a\\ud800b"}',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: NUL in the currency',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '1.00', currency: 'UZ\u0000' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: emoji digits as the amount',
    path: TX,
    contentType: 'application/json',
    body: tx({ amount: '５０００' }),
    status: [400],
    auth: true,
  },
  {
    name: 'REST: NUL in the search filter',
    path: `${TX}?search=a%00b`,
    contentType: 'application/json',
    body: '',
    status: [400],
    auth: true,
  },
  {
    name: 'REST: NUL in a category name',
    path: '/api/categories/',
    contentType: 'application/json',
    body: JSON.stringify({ name: 'x\u0000', type: 'expense' }),
    status: [400],
    auth: true,
  },
  {
    name: 'PATCH me: NUL in the timezone',
    method: 'patch',
    path: '/api/users/me/',
    contentType: 'application/json',
    body: JSON.stringify({ timezone: 'Asia/\u0000' }),
    status: [400],
    auth: true,
  },
  // the webhook
  {
    name: 'webhook: not JSON',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '{"update_id": ',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: empty body',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: an array',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '[]',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: update_id a string',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '{"update_id": "1"}',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: update_id 1e300',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '{"update_id": 1e300}',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: update_id negative',
    path: WEBHOOK,
    contentType: 'application/json',
    body: '{"update_id": -5}',
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: 100,000-deep array',
    path: WEBHOOK,
    contentType: 'application/json',
    body: deepArray(100_000),
    status: [400],
    webhook: true,
  },
  {
    name: 'webhook: 2 MB body',
    path: WEBHOOK,
    contentType: 'application/json',
    body: JSON.stringify({ update_id: 1, pad: 'x'.repeat(2 * MB) }),
    status: [413],
    webhook: true,
  },
  {
    name: 'webhook: text/plain',
    path: WEBHOOK,
    contentType: 'text/plain',
    body: 'hello',
    status: [400],
    webhook: true,
  },
];

/** Bodies that are not what a JSON endpoint takes: each gets DRF's exact answer (issue 12, finding 11). */
const NOT_UTF8 = Buffer.from([...Buffer.from('{"text": "caf'), 0xe9, ...Buffer.from(' 5000"}')]); // Latin-1 "café"
const EXACT: Array<
  [
    name: string,
    path: string,
    contentType: string | null,
    body: string | Buffer,
    status: number,
    expected: unknown,
  ]
> = [
  [
    'invalid UTF-8 → parse',
    `${TX}parse/`,
    'application/json',
    NOT_UTF8,
    400,
    { detail: 'JSON parse error - the body is not valid UTF-8.' },
  ],
  [
    'invalid UTF-8 → create',
    TX,
    'application/json',
    Buffer.from([
      ...Buffer.from('{"type":"expense","amount":"1.00","currency":"UZS","description":"'),
      0xc3,
      0x28,
      0x22,
      0x7d,
    ]),
    400,
    { detail: 'JSON parse error - the body is not valid UTF-8.' },
  ],
  [
    'invalid UTF-8 → webhook',
    WEBHOOK,
    'application/json',
    Buffer.from([...Buffer.from('{"update_id": 5, "message": {"text": "'), 0xff, ...Buffer.from('"}}')]),
    400,
    { detail: 'JSON parse error - the body is not valid UTF-8.' },
  ],
  [
    '{"text": 123}',
    `${TX}parse/`,
    'application/json',
    '{"text": 123}',
    400,
    { text: ['Not a valid string.'] },
  ],
  [
    '{"text": ["a"]}',
    `${TX}parse/`,
    'application/json',
    '{"text": ["a"]}',
    400,
    { text: ['Not a valid string.'] },
  ],
  [
    '{"text": null}',
    `${TX}parse/`,
    'application/json',
    '{"text": null}',
    400,
    { text: ['This field may not be null.'] },
  ],
  [
    '{"text": ""}',
    `${TX}parse/`,
    'application/json',
    '{"text": ""}',
    400,
    { text: ['This field may not be blank.'] },
  ],
  ['{}', `${TX}parse/`, 'application/json', '{}', 400, { text: ['This field is required.'] }],
  [
    'a list',
    `${TX}parse/`,
    'application/json',
    '["кофе 5000"]',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
  ],
  [
    'a string',
    `${TX}parse/`,
    'application/json',
    '"кофе 5000"',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
  ],
  [
    'an integer',
    `${TX}parse/`,
    'application/json',
    '5000',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got int.'] },
  ],
  [
    'a float',
    TX,
    'application/json',
    '50.5',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got float.'] },
  ],
  [
    'true',
    TX,
    'application/json',
    'true',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got bool.'] },
  ],
  [
    'null',
    `${TX}parse/`,
    'application/json',
    'null',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got NoneType.'] },
  ],
  [
    'a list to login',
    '/api/users/auth/telegram-login/',
    'application/json',
    '[1]',
    400,
    { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
  ],
  [
    'text/plain',
    `${TX}parse/`,
    'text/plain',
    'кофе 5000',
    415,
    { detail: 'Unsupported media type "text/plain" in request.' },
  ],
  [
    'text/plain with a charset',
    TX,
    'text/plain; charset=utf-8',
    '{}',
    415,
    { detail: 'Unsupported media type "text/plain; charset=utf-8" in request.' },
  ],
  [
    'form-urlencoded',
    `${TX}parse/`,
    'application/x-www-form-urlencoded',
    'text=coffee',
    415,
    { detail: 'Unsupported media type "application/x-www-form-urlencoded" in request.' },
  ],
  [
    'multipart',
    TX,
    'multipart/form-data; boundary=x',
    '--x--',
    415,
    { detail: 'Unsupported media type "multipart/form-data; boundary=x" in request.' },
  ],
  [
    'JSON in UTF-16',
    `${TX}parse/`,
    'application/json; charset=utf-16',
    Buffer.from('{"text":"x"}', 'utf16le'),
    415,
    { detail: 'Unsupported media type "application/json; charset=utf-16" in request.' },
  ],
  [
    'no Content-Type',
    `${TX}parse/`,
    null,
    '{"text": "кофе 5000"}',
    415,
    { detail: 'Unsupported media type "" in request: send the body as application/json.' },
  ],
  [
    'text/plain to login',
    '/api/users/auth/telegram-login/',
    'text/plain',
    '{"telegram_chat_id": 1}',
    415,
    { detail: 'Unsupported media type "text/plain" in request.' },
  ],
  [
    'an empty text/plain body is no body',
    `${TX}parse/`,
    'text/plain',
    '',
    400,
    { text: ['This field is required.'] },
  ],
];

describe('security: malformed and oversized bodies (e2e)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await accessTokenFor(t, 91_001)).token;
  });
  afterAll(() => t?.close());

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const isGet = row.body === '' && !row.webhook && row.path.includes('?');
    let req = isGet ? t.http.get(row.path) : t.http[row.method ?? 'post'](row.path);
    if (row.auth) req = req.set('Authorization', `Bearer ${token}`);
    if (row.webhook) req = req.set(SECRET_HEADER, TEST_WEBHOOK_SECRET);
    if (!isGet && row.contentType) req = req.set('Content-Type', row.contentType);
    const res = isGet ? await req : await req.send(row.body);
    expect({ status: row.status.includes(res.status) ? 'as expected' : res.status, body: res.body }).toEqual({
      status: 'as expected',
      body: expect.any(Object),
    });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
  });

  it.each(EXACT)('%s → the DRF answer', async (_name, path, contentType, body, status, expected) => {
    const headers: Record<string, string> =
      path === WEBHOOK ? { [SECRET_HEADER]: TEST_WEBHOOK_SECRET } : { Authorization: `Bearer ${token}` };
    if (contentType !== null) headers['Content-Type'] = contentType;
    const res = await postBytes(await portOf(t), path, Buffer.from(body), headers);
    expect({ status: res.status, body: res.body }).toEqual({ status, body: expected });
  });

  it('a body over 1 MB sent chunked (no Content-Length) → 413 too, REST and webhook', async () => {
    const { request } = await import('node:http');
    const port = await portOf(t);
    for (const [path, headers] of [
      [TX, { Authorization: `Bearer ${token}` }],
      [WEBHOOK, { [SECRET_HEADER]: TEST_WEBHOOK_SECRET }],
    ] as const) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) =>
          e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve(413) : reject(e),
        );
        req.write('{"description":"');
        for (let i = 0; i < 40; i++) req.write('x'.repeat(64 * 1024));
        req.end('"}');
      });
      expect(status).toBe(413);
    }
  });

  it('request headers over 16 kB → 431, not 5xx', async () => {
    const res = await t.http
      .get('/api/users/me/')
      .withoutSpecCheck('headers over the limit are refused by the HTTP server before any route')
      .set('Authorization', `Bearer ${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
  });

  it('the app is healthy afterwards and still records a normal update', async () => {
    await t.http.get('/health/').expect(200);
    await t.http
      .post(WEBHOOK)
      .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(textUpdate(9_100_001, 91_001, 'кофе 18000')))
      .expect(200);
    const rows = await t.db.query(
      `SELECT amount FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = 91001`,
    );
    expect(rows.map((r: { amount: string }) => r.amount)).toEqual(['18000.00']);
  });
});
