/**
 * GET /api/transactions/export/ (streamed CSV), GET /api/users/me/export/ (everything stored about the caller) and
 * the schema promises the erasure rests on (every table with a user_id cascades from users and is exported).
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { TABLE_SECTIONS, TABLES_WITHOUT_PERSONAL_DATA } from '../src/modules/privacy/privacy.sections';
import { accessTokenFor } from './helpers/auth';
import { parseCsv } from './helpers/csv';
import { startTestApp, TestApp } from './helpers/test-app';

describe('exports and personal data (e2e)', () => {
  let t: TestApp;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });

  const insert = (
    userId: string,
    type: string,
    amount: string,
    currency: string,
    category: string,
    at: string,
    description = '',
    source = 'api',
  ) =>
    t.db.query(
      `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at, description, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [userId, type, amount, currency, category, at, description, source],
    );

  /** GET as raw bytes. */
  const download = (
    who: { token: string },
    query: Record<string, string> = {},
    path = '/api/transactions/export/',
  ) =>
    t.http
      .get(path)
      .query(query)
      .set(auth(who))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** An export started once the user's previous one has ended (its slot freed), within 5 s: its status. */
  const statusOnceFree = async (who: { token: string }): Promise<number> => {
    const deadline = Date.now() + 5000;
    let again = await t.http.get('/api/transactions/export/?type=income').set(auth(who));
    while (again.status === 429 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      again = await t.http.get('/api/transactions/export/?type=income').set(auth(who));
    }
    return again.status;
  };

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 3001);
    bob = await accessTokenFor(t, 3002);
    await insert(alice.userId, 'expense', '0.01', 'UZS', 'groceries', '2026-10-01T19:00:00Z', 'хлеб');
    await insert(
      alice.userId,
      'expense',
      '9999999999999.99',
      'USD',
      'shopping',
      '2026-10-02T10:00:00Z',
      '+998 телефон, "новый"',
    );
    await insert(
      alice.userId,
      'income',
      '1500000.50',
      'UZS',
      'salary',
      '2026-10-03T10:00:00Z',
      '@зарплата\nоктябрь',
      'text',
    );
    await insert(alice.userId, 'expense', '100.00', 'EUR', 'other', '2026-11-01T10:00:00Z', '-минус');
    await insert(bob.userId, 'expense', '777.00', 'UZS', 'cafe', '2026-10-02T10:00:00Z', 'bob');
  });
  afterAll(() => t?.close());

  describe('GET /api/transactions/export/', () => {
    it('streams a CSV attachment: BOM, header, local dates, exact amounts, quoted and defused cells, only mine', async () => {
      const res = await download(alice).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="ovozpay-transactions-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const body = res.body as Buffer;
      expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(parseCsv(body.toString('utf8').slice(1))).toEqual([
        ['date', 'type', 'amount', 'currency', 'category', 'category_name', 'description', 'source'],
        ['2026-10-02 00:00:00', 'expense', '0.01', 'UZS', 'groceries', 'Продукты', 'хлеб', 'api'],
        [
          '2026-10-02 15:00:00',
          'expense',
          '9999999999999.99',
          'USD',
          'shopping',
          'Покупки',
          `'+998 телефон, "новый"`,
          'api',
        ],
        [
          '2026-10-03 15:00:00',
          'income',
          '1500000.50',
          'UZS',
          'salary',
          'Зарплата',
          `'@зарплата\nоктябрь`,
          'text',
        ],
        ['2026-11-01 15:00:00', 'expense', '100.00', 'EUR', 'other', 'Прочее', "'-минус", 'api'],
      ]);
    });

    it('takes the list filters; no slash and format=csv work', async () => {
      const res = await download(
        alice,
        { format: 'csv', type: 'expense', date_from: '2026-10-02', date_to: '2026-10-31' },
        '/api/transactions/export',
      ).expect(200);
      const rows = parseCsv((res.body as Buffer).toString('utf8').slice(1));
      expect(rows.map((r) => r[2])).toEqual(['amount', '0.01', '9999999999999.99']);
      const usd = parseCsv(
        (await download(alice, { currency: 'USD' }).expect(200)).body.toString('utf8').slice(1),
      );
      expect(usd).toHaveLength(2);
      const search = parseCsv(
        (await download(alice, { search: 'хлеб' }).expect(200)).body.toString('utf8').slice(1),
      );
      expect(search.slice(1).map((r) => r[6])).toEqual(['хлеб']);
    });

    it('more rows than one database batch come out complete and in order', async () => {
      const carol = await accessTokenFor(t, 3003);
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at)
         SELECT $1, 'expense', g, 'UZS', 'transport', timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute' FROM generate_series(1, 1234) g`,
        [carol.userId],
      );
      const rows = parseCsv((await download(carol).expect(200)).body.toString('utf8').slice(1));
      expect(rows).toHaveLength(1235);
      expect(rows.slice(1).map((r) => r[2])).toEqual(Array.from({ length: 1234 }, (_, i) => `${i + 1}.00`));
    });

    it('a client that leaves mid-download frees its export slot; no connection is left in a transaction', async () => {
      const erin = await accessTokenFor(t, 3005);
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at)
         SELECT $1, 'expense', g, 'UZS', 'transport', repeat('x', 400), timestamptz '2025-01-01T00:00:00Z' + g * interval '1 minute'
           FROM generate_series(1, 20000) g`,
        [erin.userId],
      );
      const server = t.app.getHttpServer().listen(0);
      try {
        const port = (server.address() as { port: number }).port;
        await new Promise<void>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/api/transactions/export/',
              headers: { Authorization: `Bearer ${erin.token}` },
            },
            (res) => {
              expect(res.statusCode).toBe(200);
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
          req.end();
        });
        // The export holds no connection (nothing idles in a transaction) and its slot is free: erin may export again.
        expect(await statusOnceFree(erin)).toBe(200);
        const idle = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        expect(idle[0].n).toBe(0);
        // and the app still serves exports
        expect((await download(bob).expect(200)).body.toString('utf8')).toContain('bob');
      } finally {
        await new Promise((r) => server.close(r));
      }
    });

    it('pages meet exactly: rows with equal times, and times a microsecond apart, come out once each and in order', async () => {
      const frank = await accessTokenFor(t, 3006);
      // One statement: the same created_at for all; occurred_at equal for 1,100 rows (ties broken by id), then
      // 1,200 rows a microsecond apart (a cursor kept as a JS Date, in milliseconds, would skip or repeat them).
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, occurred_at)
         SELECT $1, 'expense', g, 'UZS', 'transport',
                CASE WHEN g <= 1100 THEN timestamptz '2026-02-01T00:00:00Z' ELSE timestamptz '2026-02-02T00:00:00Z' + (g - 1100) * interval '1 microsecond' END
           FROM generate_series(1, 2300) g`,
        [frank.userId],
      );
      const rows = parseCsv((await download(frank).expect(200)).body.toString('utf8').slice(1)).slice(1);
      expect(rows).toHaveLength(2300);
      const amounts = rows.map((r) => Number(r[2]));
      expect([...amounts.slice(0, 1100)].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 1100 }, (_, i) => i + 1),
      );
      expect(amounts.slice(1100)).toEqual(Array.from({ length: 1200 }, (_, i) => 1101 + i));
      const json = (await t.http.get('/api/users/me/export/').set(auth(frank)).expect(200)).body as {
        transactions: Array<{ id: string; amount: string }>;
      };
      expect(json.transactions).toHaveLength(2300);
      expect(new Set(json.transactions.map((r) => r.id)).size).toBe(2300);
      expect(json.transactions.map((r) => Number(r.amount))).toEqual(amounts);
    });

    it('one export at a time per user: a second one (CSV or JSON) while the first runs is 429 with Retry-After', async () => {
      const gina = await accessTokenFor(t, 3007);
      await t.db.query(
        `INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at)
         SELECT $1, 'expense', g, 'UZS', 'transport', repeat('y', 400), timestamptz '2025-01-01T00:00:00Z' + g * interval '1 minute' FROM generate_series(1, 20000) g`,
        [gina.userId],
      );
      const server = t.app.getHttpServer().listen(0);
      try {
        const port = (server.address() as { port: number }).port;
        const first = await new Promise<{ destroy: () => void }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path: '/api/users/me/export/',
              headers: { Authorization: `Bearer ${gina.token}` },
            },
            (res) => {
              expect(res.statusCode).toBe(200);
              res.once('data', () => {
                res.pause();
                resolve({ destroy: () => req.destroy() });
              });
            },
          );
          req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
          req.end();
        });
        for (const path of ['/api/transactions/export/', '/api/users/me/export/']) {
          const second = await t.http.get(path).set(auth(gina)).expect(429);
          expect(second.body).toEqual({
            detail:
              'An export of your data is already running; one at a time. Expected available in 5 seconds.',
          });
          expect(second.headers['retry-after']).toBe('5');
        }
        // another user is not affected
        await download(bob).expect(200);
        first.destroy();
        expect(await statusOnceFree(gina)).toBe(200);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });

    it('only the caller: another user gets their own rows; an empty export is just the header', async () => {
      const bobRows = parseCsv((await download(bob).expect(200)).body.toString('utf8').slice(1));
      expect(bobRows.slice(1).map((r) => r[6])).toEqual(['bob']);
      const dave = await accessTokenFor(t, 3004);
      expect((await download(dave).expect(200)).body.toString('utf8')).toBe(
        '\uFEFFdate,type,amount,currency,category,category_name,description,source\r\n',
      );
    });

    it('other formats and bad filters → 400 naming the field; no token → 401', async () => {
      expect(
        (await t.http.get('/api/transactions/export/?format=xlsx').set(auth(alice)).expect(400)).body,
      ).toEqual({ format: ['"xlsx" is not supported. Use csv.'] });
      expect(
        (await t.http.get('/api/transactions/export/?type=gift').set(auth(alice)).expect(400)).body,
      ).toHaveProperty('type');
      await t.http.get('/api/transactions/export/').expect(401);
    });
  });

  describe('GET /api/users/me/export/', () => {
    it('everything stored about the caller, secrets withheld, nobody else', async () => {
      await t.db.query(
        `INSERT INTO categories (user_id, type, name) VALUES ($1, 'expense', 'Кошка'), ($2, 'expense', 'Bob cat')`,
        [alice.userId, bob.userId],
      );
      await t.db.query(`INSERT INTO bot_sessions (user_id, state) VALUES ($1, '{"kind":"pending"}')`, [
        alice.userId,
      ]);
      await t.db.query(
        `INSERT INTO learned_categories (user_id, type, keyword, category) VALUES ($1, 'expense', 'obed', 'cafe'), ($2, 'expense', 'bobword', 'cafe')`,
        [alice.userId, bob.userId],
      );
      await t.db.query(
        `INSERT INTO login_codes (code_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`,
        ['a'.repeat(64), alice.userId],
      );
      const jti = randomUUID();
      await t.db.query(
        `INSERT INTO refresh_tokens (jti, family_id, user_id, expires_at) VALUES ($1, $2, $3, now() + interval '7 days')`,
        [jti, randomUUID(), alice.userId],
      );
      await t.db.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body) VALUES ($1, 'k-1', $2, 201, '{"secret":"body"}')`,
        [alice.userId, 'b'.repeat(64)],
      );

      const [aliceBudget] = await t.db.query(
        `INSERT INTO budgets (user_id, category, amount, currency, period) VALUES ($1, 'cafe', 500000, 'UZS', 'month'), ($2, 'cafe', 1, 'UZS', 'week') RETURNING id`,
        [alice.userId, bob.userId],
      );
      await t.db.query(
        `INSERT INTO budget_alerts (budget_id, user_id, period_start, threshold) VALUES ($1, $2, '2026-12-01', 80)`,
        [aliceBudget.id, alice.userId],
      );

      const res = await t.http.get('/api/users/me/export/').set(auth(alice)).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = res.body as Record<string, unknown> & {
        user: Record<string, unknown>;
        transactions: Array<Record<string, unknown>>;
      };
      expect(Object.keys(body).sort()).toEqual([
        'balances',
        'bot_sessions',
        'budget_alerts',
        'budgets',
        'card_transfer_questions',
        'categories',
        'debts',
        'exported_at',
        'goals',
        'household_chats_linked',
        'household_invites',
        'household_memberships',
        'households_owned',
        'idempotency_keys',
        'learned_categories',
        'login_codes',
        'message_links',
        'planned_payments',
        'recurring',
        'recurring_occurrences',
        'recurring_offers',
        'refresh_tokens',
        'sent_reminders',
        'transactions',
        'user',
        'user_cards',
        'voice_messages',
      ]);
      expect(body.user).toMatchObject({
        id: alice.userId,
        telegram_chat_id: '3001',
        language: 'ru',
        currency: 'UZS',
        timezone: 'Asia/Tashkent',
      });
      expect(body.transactions.map((r) => r.amount)).toEqual([
        '0.01',
        '9999999999999.99',
        '1500000.50',
        '100.00',
      ]);
      expect(body.transactions.every((r) => !('user_id' in r))).toBe(true);
      expect(body.budgets).toEqual([
        expect.objectContaining({
          id: aliceBudget.id,
          category: 'cafe',
          amount: '500000.00',
          period: 'month',
        }),
      ]);
      expect(body.budget_alerts).toEqual([
        expect.objectContaining({ budget_id: aliceBudget.id, period_start: '2026-12-01', threshold: 80 }),
      ]);
      expect(body.categories).toEqual([expect.objectContaining({ type: 'expense', name: 'Кошка' })]);
      expect(body.bot_sessions).toEqual([expect.objectContaining({ state: { kind: 'pending' } })]);
      expect(body.learned_categories).toEqual([
        {
          id: expect.any(String),
          type: 'expense',
          keyword: 'obed',
          category: 'cafe',
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
      ]);
      expect(body.login_codes).toEqual([
        { created_at: expect.any(String), expires_at: expect.any(String), used_at: null },
      ]);
      expect(body.refresh_tokens).toEqual([
        { created_at: expect.any(String), expires_at: expect.any(String), revoked_at: null },
      ]);
      expect(body.idempotency_keys).toEqual([
        { key: 'k-1', response_status: 201, created_at: expect.any(String) },
      ]);
      const text = JSON.stringify(body);
      for (const secret of ['a'.repeat(64), 'b'.repeat(64), jti, 'secret', 'Bob cat', 'bobword', '777.00'])
        expect(text).not.toContain(secret);
      expect(res.headers['cache-control']).toBe('no-store');

      const bobs = (await t.http.get('/api/users/me/export').set(auth(bob)).expect(200)).body;
      expect(bobs.transactions.map((r: { description: string }) => r.description)).toEqual(['bob']);
      expect(bobs.categories.map((c: { name: string }) => c.name)).toEqual(['Bob cat']);
      await t.http.get('/api/users/me/export/').expect(401);
    });

    it('another module adds a section with one call', async () => {
      const privacy = t.app.get(PrivacyService);
      privacy.addSection({
        name: 'goals_demo',
        collect: async (userId) => [{ owner: userId === alice.userId }],
      });
      const body = (await t.http.get('/api/users/me/export/').set(auth(alice)).expect(200)).body;
      expect(body.goals_demo).toEqual([{ owner: true }]);
      expect(() => privacy.addSection({ name: 'transactions', collect: async () => [] })).toThrow(
        /Duplicate/,
      );
    });
  });

  describe('the schema behind the erasure', () => {
    it('an erasure says whether there was anyone to erase: true once, then false; an unknown id false', async () => {
      const privacy = t.app.get(PrivacyService);
      const gone = await accessTokenFor(t, 3099);
      expect(await privacy.eraseUser(gone.userId)).toBe(true);
      expect(await privacy.eraseUser(gone.userId)).toBe(false);
      expect(await privacy.eraseUser(randomUUID())).toBe(false);
      expect(await t.db.query('SELECT 1 FROM users WHERE id = $1', [gone.userId])).toEqual([]);
    });

    it('every foreign key to users cascades, and every table holding a user_id is exported', async () => {
      const fks: Array<{ table_name: string; delete_rule: string }> = await t.db.query(
        `SELECT tc.table_name, rc.delete_rule
           FROM information_schema.table_constraints tc
           JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.constraint_schema
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
          WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' AND tc.table_schema = current_schema()`,
      );
      expect(fks.length).toBeGreaterThan(0);
      for (const fk of fks) expect(`${fk.table_name}: ${fk.delete_rule}`).toBe(`${fk.table_name}: CASCADE`);
      const withUserId: Array<{ table_name: string }> = await t.db.query(
        `SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'user_id' AND table_schema = current_schema() ORDER BY table_name`,
      );
      const exported = TABLE_SECTIONS.map((s) => s.table);
      for (const { table_name } of withUserId) expect(exported).toContain(table_name);
      for (const { table_name } of fks) expect(exported).toContain(table_name);
      // The export reads each table in pages after the last row's key (the section's orderBy): the key columns must
      // be NOT NULL and, with user_id, cover a unique index — or rows would be skipped at a page boundary.
      for (const section of TABLE_SECTIONS) {
        const keys = section.orderBy.split(',').map((c) => c.trim());
        const nullable: Array<{ column_name: string; is_nullable: string }> = await t.db.query(
          `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = ANY($2)`,
          [section.table, keys],
        );
        expect(
          `${section.name}: ${nullable
            .map((c) => `${c.column_name} ${c.is_nullable}`)
            .sort()
            .join(', ')}`,
        ).toBe(
          `${section.name}: ${[...keys]
            .sort()
            .map((k) => `${k} NO`)
            .join(', ')}`,
        );
        const unique: Array<{ columns: string[] }> = await t.db.query(
          `SELECT array_agg(a.attname::text) AS columns
             FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
            WHERE n.nspname = current_schema() AND c.relname = $1 AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
            GROUP BY i.indexrelid`,
          [section.table],
        );
        const covered = unique.some((u) => u.columns.every((col) => col === 'user_id' || keys.includes(col)));
        expect(
          `${section.name}: ${covered ? 'unique' : `no unique index within user_id, ${keys.join(', ')}`}`,
        ).toBe(`${section.name}: unique`);
      }
      // Tables with no user column hold nothing personal (listed with the reason in privacy.sections.ts).
      const all: Array<{ table_name: string }> = await t.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      const rest = all.map((r) => r.table_name).filter((n) => n !== 'users' && !exported.includes(n));
      for (const name of rest) expect(TABLES_WITHOUT_PERSONAL_DATA).toContain(name);
    });
  });
});
