import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient, { type Middleware } from 'openapi-fetch';
import { signedInitData } from '../helpers/init-data';
import { portOf } from '../helpers/raw-http';
import { startTestApp, TestApp } from '../helpers/test-app';
import type { paths } from './openapi';

/**
 * A client generated from the served OpenAPI document (openapi-typescript → ./openapi.d.ts, `npm run
 * openapi:client`) runs README "REST API" flow with openapi-fetch. `npm run typecheck` compiles this file: it
 * uses no casts, so a response or request type the document loses or gets wrong breaks the build.
 */
const ROOT = join(__dirname, '..', '..');
const GENERATED = join(__dirname, 'openapi.d.ts');

/*
 * What a client does with the data, written against the types the README promises (not the generated ones): a
 * field the document types differently (an amount as a number, a currency as any string) fails to compile here.
 */
type Currency = 'UZS' | 'USD' | 'RUB' | 'EUR';
const money = (amount: string, currency: Currency): string => `${amount} ${currency}`;
const bearer = (token: string): string => `Bearer ${token}`;
const percent = (value: number): string => `${value}%`;
const chatIdText = (id: number | string): string => String(id);
const maybeMoney = (amount: string | null, currency: Currency): string =>
  amount === null ? '?' : money(amount, currency);

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what}: no data`);
  return value;
}

describe('a generated client runs the README flow (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none' });
    baseUrl = `http://127.0.0.1:${await portOf(t)}`;
  });
  afterAll(() => t?.close());

  /** Every response the client receives is checked against the served document too. */
  const checked: Middleware = {
    async onResponse({ request, response }) {
      const text = await response.clone().text();
      const problem = t.openapi.problem(request.method, request.url, {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        text,
      });
      if (problem) throw new Error(`OpenAPI: ${problem}`);
    },
  };

  it('is generated from the served document (npm run openapi:client)', async () => {
    const served = await t.http.get('/api/docs-json').expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(served.body));
      // From the repository root, so openapi-typescript reads redocly.yaml as `npm run openapi:client` does.
      const generated = execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(dir, 'openapi.json')],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const formatted = execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', GENERATED],
        { cwd: ROOT, encoding: 'utf8', input: generated },
      );
      expect(formatted).toBe(readFileSync(GENERATED, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs in, refreshes, edits the profile and records, reads and deletes transactions', async () => {
    const anonymous = createClient<paths>({ baseUrl });
    anonymous.use(checked);
    const chatId = 5550101;

    // Log in with a Mini App proof, then rotate the refresh token.
    const login = await anonymous.POST('/api/users/auth/telegram-login', {
      body: { telegram_chat_id: chatId, phone_number: '+998901234567', init_data: signedInitData(chatId) },
    });
    const tokens = required(login.data, 'telegram-login');
    expect(tokens.is_new_user).toBe(true);
    expect(tokens.phone_number).toBe('+998901234567');
    const refreshed = required(
      (await anonymous.POST('/api/users/auth/refresh-token', { body: { refresh: tokens.refresh } })).data,
      'refresh-token',
    );
    const reused = await anonymous.POST('/api/users/auth/refresh-token', {
      body: { refresh: tokens.refresh },
    });
    expect(reused.response.status).toBe(401);
    expect(required(reused.error, 'reused refresh').detail).toBeTruthy();

    const api = createClient<paths>({ baseUrl, headers: { Authorization: bearer(refreshed.access) } });
    api.use(checked);

    // The profile.
    const me = required((await api.GET('/api/users/me')).data, 'me');
    expect(me.id).toBe(tokens.user_id);
    expect(chatIdText(me.telegram_chat_id)).toBe(String(chatId));
    const updated = required(
      (await api.PATCH('/api/users/me', { body: { language: 'uz', currency: 'USD' } })).data,
      'PATCH me',
    );
    expect([updated.language, updated.currency]).toEqual(['uz', 'USD']);

    // Record one, with an Idempotency-Key; the retry replays it.
    const record = () =>
      api.POST('/api/transactions', {
        body: {
          type: 'expense',
          amount: '50000.00',
          currency: 'UZS',
          category: 'groceries',
          description: 'продукты',
        },
        params: { header: { 'Idempotency-Key': '7c0e2f8a-readme-flow' } },
      });
    const created = await record();
    expect(created.response.status).toBe(201);
    const tx = required(created.data, 'POST transaction');
    expect([money(tx.amount, tx.currency), tx.category, tx.source]).toEqual([
      '50000.00 UZS',
      'groceries',
      'api',
    ]);
    const replay = await record();
    expect(required(replay.data, 'replayed POST').id).toBe(tx.id);

    // List, read, change, balance, parse.
    const list = required(
      (
        await api.GET('/api/transactions', {
          params: { query: { type: 'expense', ordering: '-date', page_size: 20 } },
        })
      ).data,
      'list',
    );
    expect(list.count).toBe(1);
    expect(list.results.map((r) => r.id)).toEqual([tx.id]);
    expect(list.next).toBeNull();

    const one = required(
      (await api.GET('/api/transactions/{id}', { params: { path: { id: tx.id } } })).data,
      'GET transaction',
    );
    expect(one.description).toBe('продукты');
    const patched = required(
      (
        await api.PATCH('/api/transactions/{id}', {
          params: { path: { id: tx.id } },
          body: { amount: '45000.50' },
        })
      ).data,
      'PATCH transaction',
    );
    expect(money(patched.amount, patched.currency)).toBe('45000.50 UZS');

    const balance = required((await api.GET('/api/transactions/balance')).data, 'balance');
    expect(balance.totals).toEqual([
      { currency: 'UZS', income: '0.00', expense: '45000.50', balance: '-45000.50' },
    ]);
    expect(balance.totals.map((l) => money(l.balance, l.currency))).toEqual(['-45000.50 UZS']);

    const parsed = required(
      (await api.POST('/api/transactions/parse', { body: { text: 'потратил 50000 сум на продукты' } })).data,
      'parse',
    );
    expect(parsed.intent).toBe('transaction');
    expect(parsed.items.map((i) => [maybeMoney(i.amount, i.currency), i.category])).toEqual([
      ['50000.00 UZS', 'groceries'],
    ]);

    const summary = required(
      (await api.GET('/api/analytics/summary', { params: { query: { period: 'month', type: 'expense' } } }))
        .data,
      'summary',
    );
    expect(summary.totals.map((s) => money(s.expense, s.currency))).toEqual(['45000.50 UZS']);
    expect(summary.by_category.map((c) => percent(c.share_percent))).toEqual(['100%']);

    const categories = required(
      (await api.GET('/api/categories', { params: { query: { type: 'expense' } } })).data,
      'categories',
    );
    expect(categories.some((c) => c.key === 'groceries' && c.is_default)).toBe(true);

    // Delete it: gone.
    const deleted = await api.DELETE('/api/transactions/{id}', { params: { path: { id: tx.id } } });
    expect(deleted.response.status).toBe(204);
    const gone = await api.GET('/api/transactions/{id}', { params: { path: { id: tx.id } } });
    expect(gone.response.status).toBe(404);
    expect(required(gone.error, 'GET deleted').detail).toBe('Not found.');
  });

  it('tracks a goal and a debt', async () => {
    const chatId = 5550102;
    const login = await createClient<paths>({ baseUrl }).POST('/api/users/auth/telegram-login', {
      body: { telegram_chat_id: chatId, init_data: signedInitData(chatId) },
    });
    const api = createClient<paths>({
      baseUrl,
      headers: { Authorization: bearer(required(login.data, 'login').access) },
    });
    api.use(checked);

    const goal = required(
      (
        await api.POST('/api/goals', {
          body: { title: 'Телефон', target_amount: '3000000.00', currency: 'UZS' },
        })
      ).data,
      'POST goal',
    );
    const contributed = required(
      (
        await api.POST('/api/goals/{id}/contribute', {
          params: { path: { id: goal.id } },
          body: { amount: '3000000' },
        })
      ).data,
      'contribute',
    );
    expect([contributed.status, percent(contributed.progress_percent)]).toEqual(['completed', '100%']);
    const goals = required(
      (await api.GET('/api/goals', { params: { query: { status: 'completed' } } })).data,
      'goals',
    );
    expect(goals.results.map((g) => g.id)).toEqual([goal.id]);

    const debt = required(
      (
        await api.POST('/api/debts', {
          body: {
            direction: 'lent',
            counterparty: 'Алишер',
            amount: '200.00',
            currency: 'USD',
            due_date: '2027-06-01',
          },
        })
      ).data,
      'POST debt',
    );
    const repaid = required(
      (
        await api.POST('/api/debts/{id}/repay', {
          params: { path: { id: debt.id } },
          body: { amount: '50.00' },
        })
      ).data,
      'repay',
    );
    expect([money(repaid.remaining_amount, repaid.currency), repaid.status]).toEqual(['150.00 USD', 'open']);
    const tooMuch = await api.POST('/api/debts/{id}/repay', {
      params: { path: { id: debt.id } },
      body: { amount: '500' },
    });
    expect(tooMuch.response.status).toBe(400);
    const closed = required(
      (await api.POST('/api/debts/{id}/close', { params: { path: { id: debt.id } } })).data,
      'close',
    );
    expect(closed.status).toBe('closed');
  });
});
