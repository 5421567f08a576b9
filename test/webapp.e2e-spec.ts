/**
 * The Mini App in a real browser (Debian's Chromium driven by playwright-core) against the whole app on loopback:
 * Telegram launch parameters in the URL hash, login with signed initData, balance, add / edit / delete through the
 * form, isolation between users, refused initData, theme and language, the 401 → refresh → retry path, designed
 * states for endpoints the server does not have (404), and the first-load JavaScript budget.
 *
 * `SCREENSHOTS=1` (or `npm run screenshots`) also writes docs/screenshots/*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { DARK_THEME, launchHash, LIGHT_THEME, signedInitData } from './helpers/init-data';
import { BrowserApp, countReaches, startBrowserApp } from './helpers/browser-app';
import type { TestApp } from './helpers/test-app';
import { ensureWebBuild, WEB_DIST } from './helpers/web-build';

const JS_BUDGET_GZIP_BYTES = 150 * 1024;
const SCREENSHOTS = process.env.SCREENSHOTS === '1';
const SHOTS_DIR = join(__dirname, '..', 'docs', 'screenshots');

jest.setTimeout(120_000);

let nextChatId = 810_000_000;
const newChatId = () => nextChatId++;

describe('Mini App in Chromium (e2e)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base, browser } = app);
  });
  afterAll(() => app?.close());
  beforeEach(() => t.app.get(RateLimitStorage).reset());
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A browser page opened the way Telegram opens the Mini App; CSP violations and page errors are collected. */
  async function open(
    initData: string,
    opts: { theme?: Record<string, string>; before?: (page: Page) => Promise<unknown> } = {},
  ) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => { (window.__csp ??= []).push(e.violatedDirective + ' ' + e.blockedURI); });",
    );
    if (opts.before) await opts.before(page);
    await page.goto(`${base}/app/${launchHash(initData, opts.theme)}`);
    return { page, problems, csp: () => page.evaluate<string[]>('window.__csp ?? []') };
  }

  /** A REST session for the same user (login with initData, like the app). */
  async function rest(chatId: number) {
    const res = await t.http
      .post('/api/users/auth/telegram-login/')
      .send({ telegram_chat_id: chatId, init_data: signedInitData(chatId) })
      .expect(200);
    const auth = { Authorization: `Bearer ${res.body.access as string}` };
    return {
      get: (path: string) => t.http.get(path).set(auth),
      post: (path: string, body: object) => t.http.post(path).set(auth).send(body),
      patch: (path: string, body: object) => t.http.patch(path).set(auth).send(body),
    };
  }

  const shot = async (page: Page, name: string) => {
    if (!SCREENSHOTS) return;
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) });
  };

  it('opens with signed initData: logs in, shows the balance per currency and the newest transactions first', async () => {
    const chatId = newChatId();
    const api = await rest(chatId);
    await api
      .post('/api/transactions/', {
        type: 'income',
        amount: '1500000.00',
        currency: 'UZS',
        category: 'salary',
        description: 'зарплата',
        date: '2026-11-01',
      })
      .expect(201);
    await api
      .post('/api/transactions/', {
        type: 'expense',
        amount: '45000',
        currency: 'UZS',
        category: 'cafe',
        description: 'обед',
        date: '2026-11-20',
      })
      .expect(201);
    await api
      .post('/api/transactions/', {
        type: 'expense',
        amount: '12.50',
        currency: 'USD',
        category: 'transport',
        description: 'такси',
        date: '2026-11-10',
      })
      .expect(201);

    const { page, problems, csp } = await open(signedInitData(chatId));
    const balance = page.getByTestId('balance');
    await balance.locator('[data-currency="UZS"]').waitFor();
    expect(await balance.locator('[data-currency="UZS"] .big').textContent()).toBe('1,455,000.00 UZS');
    expect(await balance.locator('[data-currency="USD"] .big').textContent()).toBe('-12.50 USD');
    await page.getByTestId('tx-item').first().waitFor();
    const items = await page.getByTestId('tx-item').allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('обед');
    expect(items[1]).toContain('такси');
    expect(items[2]).toContain('зарплата');
    expect(await page.getByTestId('error').count()).toBe(0);

    // Time to interactive: from navigation start to the first screen with data (logged for the report).
    const timing = await page.evaluate<{ ready: number; domContentLoaded: number }>(
      "({ ready: window.__ovozpayReady ?? -1, domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })",
    );
    process.stderr.write(
      `[webapp] time to interactive: ${Math.round(timing.ready)} ms (DOMContentLoaded ${Math.round(timing.domContentLoaded)} ms)\n`,
    );
    expect(timing.ready).toBeGreaterThan(0);
    expect(timing.ready).toBeLessThan(5000);
    await shot(page, 'home-light');
    expect(await csp()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('adds a transaction through the form (one Idempotency-Key per form), then it is in the list and over REST', async () => {
    const chatId = newChatId();
    const { page, problems, csp } = await open(signedInitData(chatId));
    await page.getByTestId('tx-empty').waitFor();
    expect(await page.getByTestId('balance').locator('.big').textContent()).toBe('0.00 UZS');

    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/transactions/'))
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByTestId('add-tx').click();
    await page.getByTestId('tx-type').selectOption('expense');
    await page.getByTestId('tx-amount').fill('0');
    await page.getByTestId('tx-save').click();
    await page.locator('.field-error').first().waitFor(); // refused in the form, nothing sent
    expect(keys).toEqual([]);
    await page.getByTestId('tx-amount').fill('45 000');
    expect(await page.locator('.field-error').count()).toBe(0); // typing clears the message
    await page.getByTestId('tx-currency').selectOption('UZS');
    await page.getByTestId('tx-category').selectOption('cafe');
    await page.getByTestId('tx-description').fill('обед в кафе');
    await shot(page, 'form-light');
    await page.getByTestId('tx-save').click();

    await page.getByTestId('tx-item').filter({ hasText: 'обед в кафе' }).waitFor();
    expect(await page.getByTestId('tx-item').first().textContent()).toContain('45,000.00 UZS');
    await page.getByTestId('balance').getByText('-45,000.00 UZS').waitFor();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const api = await rest(chatId);
    const list = await api.get('/api/transactions/').expect(200);
    expect(list.body.count).toBe(1);
    expect(list.body.results[0]).toMatchObject({
      type: 'expense',
      amount: '45000.00',
      currency: 'UZS',
      category: 'cafe',
      description: 'обед в кафе',
    });

    // A second form opening gets a new key.
    await page.getByTestId('add-tx').click();
    await page.getByTestId('tx-amount').fill('1000');
    await page.getByTestId('tx-save').click();
    await page.getByTestId('tx-item').nth(1).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(await csp()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('edits and deletes a transaction', async () => {
    const chatId = newChatId();
    const api = await rest(chatId);
    const created = await api
      .post('/api/transactions/', {
        type: 'expense',
        amount: '20000',
        currency: 'UZS',
        category: 'transport',
        description: 'такси домой',
      })
      .expect(201);
    const { page, problems } = await open(signedInitData(chatId));

    await page.getByTestId('tx-item').filter({ hasText: 'такси домой' }).click();
    expect(await page.getByTestId('tx-amount').inputValue()).toBe('20000.00');
    expect(await page.getByTestId('tx-category').inputValue()).toBe('transport');
    await page.getByTestId('tx-amount').fill('22000,50');
    await page.getByTestId('tx-description').fill('такси в аэропорт');
    await page.getByTestId('tx-save').click();
    await page.getByTestId('tx-item').filter({ hasText: 'такси в аэропорт' }).waitFor();
    expect(await page.getByTestId('tx-item').first().textContent()).toContain('22,000.50 UZS');
    const edited = await api.get(`/api/transactions/${created.body.id as string}/`).expect(200);
    expect(edited.body).toMatchObject({
      amount: '22000.50',
      description: 'такси в аэропорт',
      category: 'transport',
    });

    await page.getByTestId('tx-item').first().click();
    await page.getByTestId('tx-delete').click();
    await page.getByTestId('tx-empty').waitFor();
    expect(await page.getByTestId('tx-item').count()).toBe(0);
    await api.get(`/api/transactions/${created.body.id as string}/`).expect(404);
    expect(problems).toEqual([]);
  });

  it("never shows one user's transactions to another", async () => {
    const alice = newChatId();
    const bob = newChatId();
    const a = await rest(alice);
    const secret = await a
      .post('/api/transactions/', {
        type: 'income',
        amount: '777777',
        currency: 'UZS',
        category: 'business',
        description: 'секрет Алисы',
      })
      .expect(201);

    const { page } = await open(signedInitData(bob, { user: { first_name: 'Bob' } }));
    await page.getByTestId('tx-empty').waitFor();
    expect(await page.content()).not.toContain('секрет Алисы');
    expect(await page.getByTestId('balance').textContent()).not.toContain('777,777');
    await page.getByTestId('filter-search').fill('секрет');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('tx-item').count()).toBe(0);
    const b = await rest(bob);
    await b.get(`/api/transactions/${secret.body.id as string}/`).expect(404);
  });

  it.each([
    ['tampered (another name, same hash)', (id: number) => signedInitData(id).replace('Ali', 'Eve')],
    [
      'signed with another bot token',
      (id: number) => signedInitData(id, { token: '987654321:OTHER-token_abcdefghijklmnopqrstuv' }),
    ],
    [
      'older than 24 hours',
      (id: number) => signedInitData(id, { authDate: Math.floor(Date.now() / 1000) - 25 * 3600 }),
    ],
  ])('initData %s → the error element, no data, nobody logged in', async (_name, make) => {
    const chatId = newChatId();
    const { page } = await open(make(chatId));
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('Не удалось войти');
    expect(await page.getByTestId('tx-list').count()).toBe(0);
    expect(await page.getByTestId('balance').count()).toBe(0);
    const users = await t.db.query('SELECT count(*)::int AS n FROM users WHERE telegram_chat_id = $1', [
      chatId,
    ]);
    expect(users[0].n).toBe(0);
  });

  it('shows the converted total when the server offers one (several currencies)', async () => {
    const balance = {
      totals: [
        { currency: 'UZS', income: '1000000.00', expense: '250000.00', balance: '750000.00' },
        { currency: 'USD', income: '100.00', expense: '0.00', balance: '100.00' },
      ],
      as_of: '2026-11-29T10:00:00Z',
      converted: {
        currency: 'UZS',
        income: '2280000.00',
        expense: '250000.00',
        balance: '2030000.00',
        rate_date: '2026-11-28',
        rates: { USD: '12800.00' },
      },
    };
    const { page } = await open(signedInitData(newChatId()), {
      before: (p) => p.route('**/api/transactions/balance/', (route) => route.fulfill({ json: balance })),
    });
    const converted = page.getByTestId('balance-converted');
    await converted.waitFor();
    expect(await converted.textContent()).toBe('Итого в UZS по курсу ЦБ на 28.11.2026' + '2,030,000.00 UZS');
    expect(await page.getByTestId('balance').locator('[data-currency]').count()).toBe(2);
  });

  it('outside Telegram (no launch parameters) → the error element asks to open it from Telegram', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('Откройте приложение из Telegram');
  });

  it('a throttled or failing login offers a retry instead of calling the initData invalid', async () => {
    let calls = 0;
    const { page } = await open(signedInitData(newChatId()), {
      before: (p) =>
        p.route('**/api/users/auth/telegram-login/', (route) =>
          calls++ === 0
            ? route.fulfill({
                status: 429,
                json: { detail: 'Request was throttled. Expected available in 3 seconds.' },
              })
            : route.continue(),
        ),
    });
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toContain('Нет связи с сервером');
    await page.getByTestId('error').getByRole('button').click();
    await page.getByTestId('tx-empty').waitFor();
    expect(calls).toBe(2);
  });

  it("follows Telegram's dark theme and the user's language", async () => {
    const chatId = newChatId();
    const { page, csp } = await open(signedInitData(chatId, { user: { language_code: 'en' } }), {
      theme: DARK_THEME,
    });
    await page.getByTestId('tx-empty').waitFor();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(14, 22, 33)');
    expect(await page.getByTestId('add-tx').textContent()).toContain('Add');
    expect(await page.getByTestId('tx-empty').textContent()).toContain('No transactions yet');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');

    // The user's own language (PATCH /api/users/me/) wins over Telegram's language_code.
    const api = await rest(chatId);
    await api.patch('/api/users/me/', { language: 'uz' }).expect(200);
    const again = await open(signedInitData(chatId, { user: { language_code: 'en' } }), {
      theme: DARK_THEME,
    });
    await again.page.getByTestId('tx-empty').waitFor();
    expect(await again.page.getByTestId('add-tx').textContent()).toContain('Qoʻshish');
    expect(await csp()).toEqual([]);
  });

  it('an expired access token is refreshed once and the call retried', async () => {
    const chatId = newChatId();
    let refused = 0;
    const refreshes: number[] = [];
    const { page } = await open(signedInitData(chatId), {
      before: async (p) => {
        await p.route('**/api/transactions/balance/', async (route) => {
          if (refused++ === 0)
            return route.fulfill({
              status: 401,
              contentType: 'application/json',
              body: JSON.stringify({
                detail: 'Given token not valid for any token type',
                code: 'token_not_valid',
              }),
            });
          return route.continue();
        });
        p.on('response', (r) => {
          if (r.url().includes('/api/users/auth/refresh-token/')) refreshes.push(r.status());
        });
      },
    });
    await page.getByTestId('balance').locator('.big').first().waitFor();
    expect(refreshes).toEqual([200]);
    expect(refused).toBe(2);
    // The refresh token lives in sessionStorage only, never in localStorage or a cookie.
    const stored = await page.evaluate<{ session: string[]; local: string[]; cookie: string }>(
      '({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie })',
    );
    expect(stored.session).toContain('ovozpay.refresh');
    expect(stored.local).toEqual([]);
    expect(stored.cookie).toBe('');
  });

  it('loads more transactions on scroll, filters by type and finds by text', async () => {
    const chatId = newChatId();
    const api = await rest(chatId);
    for (let i = 1; i <= 25; i++) {
      await api
        .post('/api/transactions/', {
          type: i % 5 === 0 ? 'income' : 'expense',
          amount: String(1000 * i),
          currency: 'UZS',
          description: i === 7 ? 'иголка в стоге' : `покупка ${i}`,
          date: `2026-10-${String(i).padStart(2, '0')}`,
        })
        .expect(201);
    }
    const { page } = await open(signedInitData(chatId));
    await page.getByTestId('tx-item').first().waitFor();
    expect(await page.getByTestId('tx-item').count()).toBe(20);
    expect(await page.getByTestId('tx-item').first().textContent()).toContain('покупка 25');
    await page.getByTestId('tx-item').nth(19).scrollIntoViewIfNeeded();
    await page.locator('.sentinel').scrollIntoViewIfNeeded();
    await countReaches(page.getByTestId('tx-item'), 25);

    await page.getByTestId('filter-type').selectOption('income');
    await countReaches(page.getByTestId('tx-item'), 5);
    await page.getByTestId('filter-type').selectOption('');
    await page.getByTestId('filter-search').fill('иголка');
    await countReaches(page.getByTestId('tx-item'), 1);
    expect(await page.getByTestId('tx-item').textContent()).toContain('иголка в стоге');
  });

  describe('statistics, goals and debts', () => {
    const summary = {
      period: 'month',
      date_from: '2026-11-01',
      date_to: '2026-11-30',
      totals: [
        { currency: 'UZS', income: '5000000.00', expense: '1200000.00', balance: '3800000.00', count: 9 },
      ],
      by_category: [
        {
          type: 'expense',
          category: 'groceries',
          category_name: 'Продукты',
          currency: 'UZS',
          amount: '600000.00',
          count: 4,
          share_percent: 50,
        },
        {
          type: 'expense',
          category: 'transport',
          category_name: 'Транспорт',
          currency: 'UZS',
          amount: '360000.00',
          count: 3,
          share_percent: 30,
        },
        {
          type: 'expense',
          category: 'cafe',
          category_name: 'Кафе',
          currency: 'UZS',
          amount: '240000.00',
          count: 2,
          share_percent: 20,
        },
        {
          type: 'income',
          category: 'salary',
          category_name: 'Зарплата',
          currency: 'UZS',
          amount: '5000000.00',
          count: 1,
          share_percent: 100,
        },
      ],
    };
    const goals = {
      count: 2,
      next: null,
      previous: null,
      results: [
        {
          id: 'g1',
          title: 'Ноутбук',
          target_amount: '12000000.00',
          saved_amount: '4500000.00',
          currency: 'UZS',
          deadline: '2027-03-01',
          status: 'active',
          progress_percent: 37.5,
        },
        {
          id: 'g2',
          title: 'Отпуск',
          target_amount: '1500.00',
          saved_amount: '1500.00',
          currency: 'USD',
          deadline: null,
          status: 'completed',
          progress_percent: 100,
        },
      ],
    };
    const debts = {
      count: 1,
      next: null,
      previous: null,
      results: [
        {
          id: 'd1',
          direction: 'lent',
          counterparty: 'Бахтиёр',
          amount: '500000.00',
          repaid_amount: '200000.00',
          remaining_amount: '300000.00',
          currency: 'UZS',
          due_date: '2026-12-15',
          status: 'open',
        },
      ],
    };
    const fixtures = async (page: Page, seen: string[] = []) => {
      await page.route('**/api/analytics/summary/**', (route) => {
        seen.push(new URL(route.request().url()).searchParams.get('period') ?? '');
        return route.fulfill({ json: summary });
      });
      await page.route('**/api/goals/**', (route) => route.fulfill({ json: goals }));
      await page.route('**/api/debts/**', (route) => route.fulfill({ json: debts }));
    };

    it('draws the spending chart from the analytics summary and lists goals and debts', async () => {
      const seen: string[] = [];
      const { page, csp } = await open(signedInitData(newChatId()), { before: (p) => fixtures(p, seen) });
      await page.getByTestId('tab-stats').click();
      await page.getByTestId('stats-chart').waitFor();
      expect(await page.getByTestId('stats-chart').locator('circle.slice').count()).toBe(3);
      const rows = await page.getByTestId('stats-row').allTextContents();
      expect(rows[0]).toContain('Продукты');
      expect(rows[0]).toContain('600,000.00 UZS');
      expect(rows[0]).toContain('50%');
      await shot(page, 'stats-light');
      await Promise.all([
        page.waitForRequest(/\/api\/analytics\/summary\/\?period=year$/),
        page.getByRole('tab', { name: 'Год' }).click(),
      ]);
      await page.getByTestId('stats-chart').waitFor();
      expect(seen).toEqual(['month', 'year']);

      await page.getByTestId('tab-goals').click();
      await page.getByTestId('goal-item').first().waitFor();
      expect(await page.getByTestId('goal-item').count()).toBe(2);
      expect(await page.getByTestId('goal-item').first().textContent()).toContain(
        '4,500,000.00 UZS / 12,000,000.00 UZS',
      );
      await shot(page, 'goals-light');
      await page.getByTestId('tab-debts').click();
      await page.getByTestId('debt-item').first().waitFor();
      expect(await page.getByTestId('debt-item').textContent()).toContain('300,000.00 UZS');
      expect(await csp()).toEqual([]);
    });

    it('against the real API: the chart from /api/analytics/summary/, goals and debts created over REST', async () => {
      const chatId = newChatId();
      const api = await rest(chatId);
      const today = new Date().toISOString().slice(0, 10);
      for (const [amount, category] of [
        ['300000', 'groceries'],
        ['100000', 'transport'],
        ['100000', 'groceries'],
      ]) {
        await api
          .post('/api/transactions/', { type: 'expense', amount, currency: 'UZS', category, date: today })
          .expect(201);
      }
      await api
        .post('/api/goals/', { title: 'Телефон', target_amount: '3000000', currency: 'UZS' })
        .expect(201);
      await api
        .post('/api/debts/', { direction: 'lent', counterparty: 'Алишер', amount: '200', currency: 'USD' })
        .expect(201);

      const { page, problems } = await open(signedInitData(chatId));
      await page.getByTestId('tab-stats').click();
      await page.getByTestId('stats-chart').waitFor();
      expect(await page.getByTestId('stats-chart').locator('circle.slice').count()).toBe(2);
      const rows = await page.getByTestId('stats-row').allTextContents();
      expect(rows[0]).toContain('400,000.00 UZS');
      expect(rows[0]).toContain('80%');
      expect(rows[1]).toContain('100,000.00 UZS');
      await page.getByTestId('tab-goals').click();
      await page.getByTestId('goal-item').first().waitFor();
      expect(await page.getByTestId('goal-item').textContent()).toContain('Телефон');
      await page.getByTestId('tab-debts').click();
      await page.getByTestId('debt-item').first().waitFor();
      expect(await page.getByTestId('debt-item').textContent()).toMatch(/Алишер[\s\S]*200\.00 USD/);
      expect(problems).toEqual([]);
    });

    it('shows designed states when the server has no analytics, goals or debts (404, an older server) or fails (500, then retry)', async () => {
      const { page } = await open(signedInitData(newChatId()), {
        before: async (p) => {
          for (const path of ['**/api/analytics/summary/**', '**/api/goals/**', '**/api/debts/**']) {
            await p.route(path, (route) => route.fulfill({ status: 404, json: { detail: 'Not found.' } }));
          }
        },
      });
      for (const tab of ['stats', 'goals', 'debts']) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.getByTestId('unavailable').waitFor();
      }
      let failures = 1;
      const again = await open(signedInitData(newChatId()), {
        before: async (p) => {
          await p.route('**/api/goals/**', (route) =>
            failures-- > 0
              ? route.fulfill({ status: 500, json: { detail: 'A server error occurred.' } })
              : route.fulfill({ json: { count: 0, next: null, previous: null, results: [] } }),
          );
        },
      });
      await again.page.getByTestId('tab-goals').click();
      await again.page.getByTestId('load-error').waitFor();
      await again.page.getByTestId('load-error').getByRole('button').click();
      await again.page.getByTestId('goals-empty').waitFor();
    });

    it('dark screenshots', async () => {
      if (!SCREENSHOTS) return;
      const chatId = newChatId();
      const api = await rest(chatId);
      for (const [amount, category, description] of [
        ['1500000', 'salary', 'зарплата'],
        ['45000', 'cafe', 'обед'],
        ['22000', 'transport', 'такси'],
        ['180000', 'groceries', 'продукты на неделю'],
      ]) {
        await api
          .post('/api/transactions/', {
            type: category === 'salary' ? 'income' : 'expense',
            amount,
            currency: 'UZS',
            category,
            description,
          })
          .expect(201);
      }
      const { page } = await open(signedInitData(chatId), { theme: DARK_THEME, before: (p) => fixtures(p) });
      await page.getByTestId('tx-item').first().waitFor();
      await shot(page, 'home-dark');
      await page.getByTestId('add-tx').click();
      await page.getByTestId('tx-amount').fill('45000');
      await shot(page, 'form-dark');
      await page.getByTestId('tx-form').getByRole('button', { name: 'Отмена' }).click();
      await page.getByTestId('tab-stats').click();
      await page.getByTestId('stats-chart').waitFor();
      await shot(page, 'stats-dark');
      await page.getByTestId('tab-goals').click();
      await page.getByTestId('goal-item').first().waitFor();
      await shot(page, 'goals-dark');
      const light = await open(signedInitData(chatId), { theme: LIGHT_THEME });
      await light.page.getByTestId('tx-item').first().waitFor();
      await shot(light.page, 'home-light');
    });
  });
});

describe('Mini App first-load budget', () => {
  beforeAll(() => ensureWebBuild(), 120_000);

  it(`ships at most ${JS_BUDGET_GZIP_BYTES / 1024} KB of gzipped JavaScript on first load`, () => {
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [
      ...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ].map((m) => m[1] ?? m[2]);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const src of scripts) {
      expect(src.startsWith('/app/')).toBe(true);
      total += gzipSync(readFileSync(join(WEB_DIST, src.slice('/app/'.length)))).length;
    }
    process.stderr.write(
      `[webapp] first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${scripts.length} file(s))\n`,
    );
    expect(total).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
  });
});
