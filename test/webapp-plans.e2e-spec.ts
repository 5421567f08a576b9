/**
 * The Mini App's budgets, recurring payments and month-end forecast in a real browser (Debian's Chromium via
 * playwright-core) against the whole app on loopback (issue 15; README, "The Mini App"): a budget made in the
 * Plans tab fills up (and changes colour) as expenses are added through the form and goes when deleted; a recurring
 * rule is made, paused, resumed and deleted; the forecast card shows the server's figures, or is not there when the
 * server has no forecast; in the family view both lists are the household's and new ones go to the household.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { launchHash, signedInitData } from './helpers/init-data';
import type { TestApp } from './helpers/test-app';
import { countReaches, reaches, restFor, RestSession, startBrowserApp } from './helpers/browser-app';

jest.setTimeout(120_000);

let nextChatId = 830_000_000;
const newChatId = () => nextChatId++;

let t: TestApp;
let base: string;
let browser: Browser;

const restOf = (chatId: number, firstName: string) => restFor(t, chatId, firstName);
type Rest = RestSession;

describe('Mini App: budgets, recurring payments and the forecast in Chromium (e2e)', () => {
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(RateLimitStorage).reset());
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A page opened the way Telegram opens the Mini App; page errors and the bodies POSTed to the API are kept. */
  async function open(
    who: { chatId: number; firstName: string },
    opts: { lang?: string; before?: (page: Page) => Promise<unknown> } = {},
  ) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const posts: Array<{ path: string; body: unknown }> = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().includes('/api/')) return;
      const path = r.url().slice(base.length);
      requests.push(path);
      if (r.method() === 'POST' && !path.includes('/auth/')) posts.push({ path, body: r.postDataJSON() });
    });
    await opts.before?.(page);
    const initData = signedInitData(who.chatId, {
      user: { first_name: who.firstName, language_code: opts.lang ?? 'ru' },
    });
    await page.goto(`${base}/app/${launchHash(initData)}`);
    return { page, problems, posts, requests };
  }

  const percentOf = (page: Page) => () =>
    page.getByTestId('budget-progress').first().getAttribute('data-percent');
  const levelOf = (page: Page) => page.getByTestId('budget-progress').first().getAttribute('data-level');

  async function addExpense(page: Page, amount: string, category: string) {
    await page.getByTestId('tab-home').click();
    await page.getByTestId('add-tx').click();
    await page.getByTestId('tx-amount').fill(amount);
    await page.getByTestId('tx-category').selectOption(category);
    await page.getByTestId('tx-save').click();
    await countReaches(page.getByTestId('tx-form'), 0);
  }

  it('a budget made in the Plans tab fills up as expenses are added through the form, changes colour at 80% and 100%, and is deleted', async () => {
    const dina = await restOf(newChatId(), 'Dina');
    const { page, problems, posts } = await open(dina);
    await page.getByTestId('tab-plans').click();
    await page.getByTestId('budgets').getByTestId('budgets-empty').waitFor();

    await page.getByTestId('add-budget').click();
    await page.getByTestId('budget-category').selectOption('cafe');
    await page.getByTestId('budget-amount').fill('100 000');
    await page.getByTestId('budget-period').selectOption('month');
    await page.getByTestId('budget-save').click();
    await countReaches(page.getByTestId('budget-item'), 1);
    const item = page.getByTestId('budget-item');
    expect(await item.textContent()).toContain('Кафе');
    expect(await item.textContent()).toContain('0.00 UZS из 100,000.00 UZS');
    expect(await percentOf(page)()).toBe('0');
    expect(await levelOf(page)).toBe('ok');
    // No household: no wallet in the body, as for records.
    expect(posts).toEqual([
      {
        path: '/api/budgets/',
        body: { category: 'cafe', amount: '100000', currency: 'UZS', period: 'month' },
      },
    ]);

    await addExpense(page, '85 000', 'cafe');
    await addExpense(page, '40 000', 'transport'); // another category: not under this budget
    await page.getByTestId('tab-plans').click();
    await reaches(percentOf(page), '85');
    expect(await levelOf(page)).toBe('warn');
    expect(await item.textContent()).toContain('Осталось 15,000.00 UZS');

    await addExpense(page, '20 000', 'cafe');
    await page.getByTestId('tab-plans').click();
    await reaches(percentOf(page), '105');
    expect(await levelOf(page)).toBe('over');
    expect(await item.textContent()).toContain('Перерасход 5,000.00 UZS');
    const bar = page.getByTestId('budget-progress').locator('.progress-bar');
    expect(await bar.getAttribute('style')).toContain('width: 100%');

    // An overall budget ("everything") counts every expense: 145,000 of 1,000,000.
    await page.getByTestId('add-budget').click();
    await page.getByTestId('budget-amount').fill('1000000');
    await page.getByTestId('budget-save').click();
    await countReaches(page.getByTestId('budget-item'), 2);
    const overall = page.getByTestId('budget-item').filter({ hasText: 'Все расходы' });
    expect(await overall.getByTestId('budget-progress').getAttribute('data-percent')).toBe('14');
    expect(await overall.textContent()).toContain('145,000.00 UZS из 1,000,000.00 UZS');

    await page.getByTestId('budget-item').filter({ hasText: 'Кафе' }).getByTestId('budget-delete').click();
    await countReaches(page.getByTestId('budget-item'), 1);
    await overall.getByTestId('budget-delete').click();
    await page.getByTestId('budgets-empty').waitFor();
    expect((await dina.get('/api/budgets/').expect(200)).body.count).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a recurring payment is made, paused, resumed and deleted; a weekly income reads its weekday', async () => {
    const emil = await restOf(newChatId(), 'Emil');
    const { page, problems, posts } = await open(emil);
    await page.getByTestId('tab-plans').click();
    await page.getByTestId('recurring-empty').waitFor();

    await page.getByTestId('add-recurring').click();
    await page.getByTestId('recurring-amount').fill('3 000 000');
    await page.getByTestId('recurring-category').selectOption('housing');
    await page.getByTestId('recurring-description').fill('Аренда');
    await page.getByTestId('recurring-every').selectOption('month');
    await page.getByTestId('recurring-day').selectOption('31');
    await page.getByTestId('recurring-auto').check();
    await page.getByTestId('recurring-save').click();
    await countReaches(page.getByTestId('recurring-item'), 1);
    const item = page.getByTestId('recurring-item');
    expect(await item.textContent()).toContain('Аренда');
    expect(await item.textContent()).toContain('−3,000,000.00 UZS');
    expect(await item.textContent()).toContain('каждый месяц, 31-го');
    expect(await item.textContent()).toContain('авто');
    expect(posts).toEqual([
      {
        path: '/api/recurring/',
        body: {
          type: 'expense',
          amount: '3000000',
          currency: 'UZS',
          category: 'housing',
          description: 'Аренда',
          every: 'month',
          day: 31,
          auto: true,
        },
      },
    ]);
    const listed = (await emil.get('/api/recurring/').expect(200)).body.results;
    expect(listed).toEqual([
      expect.objectContaining({ every: 'month', day: 31, auto: true, paused: false, amount: '3000000.00' }),
    ]);
    const id = listed[0].id as string;
    expect(await item.textContent()).toContain(listed[0].next_date.split('-').reverse().join('.'));

    await item.getByTestId('recurring-pause').click();
    await reaches(() => item.getAttribute('data-paused'), 'true');
    expect(await item.textContent()).toContain('на паузе');
    expect(await item.getByTestId('recurring-pause').textContent()).toBe('Возобновить');
    expect((await emil.get(`/api/recurring/${id}/`).expect(200)).body.paused).toBe(true);
    await item.getByTestId('recurring-pause').click();
    await reaches(() => item.getAttribute('data-paused'), 'false');
    expect((await emil.get(`/api/recurring/${id}/`).expect(200)).body.paused).toBe(false);
    await item.getByTestId('recurring-pause').click();
    await reaches(() => item.getAttribute('data-paused'), 'true');

    await item.getByTestId('recurring-delete').click();
    await page.getByTestId('recurring-empty').waitFor();
    await emil.get(`/api/recurring/${id}/`).expect(404);

    // English: a weekly income on Mondays.
    await t.http.patch('/api/users/me/').set(emil.auth).send({ language: 'en' }).expect(200);
    const en = await open(emil, { lang: 'en' });
    await en.page.getByTestId('tab-plans').click();
    await en.page.getByTestId('recurring-empty').waitFor();
    await en.page.getByTestId('add-recurring').click();
    await en.page.getByTestId('recurring-type').selectOption('income');
    await en.page.getByTestId('recurring-amount').fill('500');
    await en.page.getByTestId('recurring-currency').selectOption('USD');
    await en.page.getByTestId('recurring-every').selectOption('week');
    await en.page.getByTestId('recurring-day').selectOption({ label: 'Monday' });
    await en.page.getByTestId('recurring-save').click();
    await countReaches(en.page.getByTestId('recurring-item'), 1);
    const weekly = await en.page.getByTestId('recurring-item').textContent();
    expect(weekly).toContain('+500.00 USD');
    expect(weekly).toContain('every Monday');
    expect((await emil.get('/api/recurring/').expect(200)).body.results).toEqual([
      expect.objectContaining({ type: 'income', every: 'week', day: 1, auto: false, category: 'other' }),
    ]);
    expect([...problems, ...en.problems]).toEqual([]);
  });

  it('the forecast card shows the expected month-end balance and its parts, signed by what they do', async () => {
    const fay = await restOf(newChatId(), 'Fay');
    const seen: string[] = [];
    const forecast = {
      currency: 'UZS',
      as_of: '2026-12-06',
      month_end: '2026-12-31',
      balance: '5000000.00',
      recurring_income: '0.00',
      recurring_expense: '3000000.00',
      budgets_left: '400000.00',
      expected: '1600000.00',
      parts: [
        { kind: 'balance', label: '', date: null, amount: '5000000.00' },
        { kind: 'recurring_expense', label: 'Аренда', date: '2026-12-31', amount: '-3000000.00' },
        { kind: 'budget', label: 'Кафе', date: null, amount: '400000.00' },
      ],
    };
    const { page, problems } = await open(fay, {
      before: (p) =>
        p.route('**/api/analytics/forecast/**', (route) => {
          seen.push(route.request().url().slice(base.length));
          return route.fulfill({ json: forecast });
        }),
    });
    await page.getByTestId('tab-stats').click();
    await page.getByTestId('forecast').waitFor();
    expect(await page.getByTestId('forecast-expected').textContent()).toBe('1,600,000.00 UZS');
    expect(await page.getByTestId('forecast').textContent()).toContain('Ожидается на 31.12.2026');
    const parts = await page.getByTestId('forecast-part').allTextContents();
    expect(parts).toEqual([
      'Баланс сейчас5,000,000.00 UZS',
      'Аренда · 31.12.2026−3,000,000.00 UZS',
      'Кафе−400,000.00 UZS',
    ]);
    expect(seen).toEqual(['/api/analytics/forecast/']); // no household: no wallet
    expect(problems).toEqual([]);
  });

  it('without a forecast on the server (404) the card is not there and the statistics work as before', async () => {
    const gul = await restOf(newChatId(), 'Gul');
    await gul
      .post('/api/transactions/', { type: 'expense', amount: '1000', currency: 'UZS', category: 'cafe' })
      .expect(201);
    const { page, problems } = await open(gul, {
      before: (p) =>
        p.route('**/api/analytics/forecast/**', (route) =>
          route.fulfill({ status: 404, json: { detail: 'Not found.' } }),
        ),
    });
    const answered = page.waitForResponse((r) => r.url().includes('/api/analytics/forecast/'));
    await page.getByTestId('tab-stats').click();
    expect((await answered).status()).toBe(404);
    await page.getByTestId('stats-chart').waitFor();
    await countReaches(page.getByTestId('forecast'), 0);
    expect(await page.getByTestId('unavailable').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("the real server's forecast: shown with the server's figures when it has one, absent when it answers 404", async () => {
    const hana = await restOf(newChatId(), 'Hana');
    await hana
      .post('/api/transactions/', { type: 'income', amount: '2000000', currency: 'UZS', category: 'salary' })
      .expect(201);
    // Built in parallel (issue 15): a server without it answers 404 on a path its document does not list yet.
    let server = await t.http
      .get('/api/analytics/forecast/')
      .set(hana.auth)
      .withoutSpecCheck('the forecast may not be on this server yet');
    if (server.status !== 404) server = await hana.get('/api/analytics/forecast/'); // checked against the document
    const { page, problems } = await open(hana);
    const answered = page.waitForResponse((r) => r.url().includes('/api/analytics/forecast/'));
    await page.getByTestId('tab-stats').click();
    expect((await answered).status()).toBe(server.status);
    if (server.status === 404) {
      await page.getByTestId('stats-empty').waitFor();
      expect(await page.getByTestId('forecast').count()).toBe(0);
    } else {
      expect(server.status).toBe(200);
      await page.getByTestId('forecast-expected').waitFor();
      const body = server.body as { expected: string | null; currency: string; parts: unknown[] };
      expect(await page.getByTestId('forecast-expected').textContent()).toContain(
        body.expected === null
          ? 'Нет курса'
          : body.expected.split('.')[0].replace(/\B(?=(\d{3})+(?!\d))/g, ','),
      );
      expect(await page.getByTestId('forecast-part').count()).toBe(body.parts.length);
    }
    expect(problems).toEqual([]);
  });

  describe('family view', () => {
    let alice: Rest; // the household's owner
    let bob: Rest; // a member

    beforeAll(async () => {
      alice = await restOf(newChatId(), 'Alice');
      bob = await restOf(newChatId(), 'Bob');
      await alice.post('/api/households/', { name: 'Oila', currency: 'UZS' }).expect(201);
      const invite = await alice.post('/api/households/current/invites/').expect(201);
      await bob.post('/api/households/join/', { token: invite.body.token }).expect(200);
      await alice
        .post('/api/budgets/', {
          category: 'transport',
          amount: '50000',
          currency: 'UZS',
          wallet: 'personal',
        })
        .expect(201);
      await alice
        .post('/api/recurring/', {
          type: 'expense',
          amount: '90000',
          currency: 'UZS',
          description: 'спортзал Алисы',
          every: 'week',
          day: 1,
          wallet: 'personal',
        })
        .expect(201);
    });

    it("budgets and recurring payments follow the switch; new ones go to the household, the other member sees them and the household's expenses fill its budget", async () => {
      const { page, problems, posts, requests } = await open(alice);
      await page.getByTestId('tab-plans').click();
      // Personal: Alice's own only.
      await countReaches(page.getByTestId('budget-item'), 1);
      expect(await page.getByTestId('budget-item').textContent()).toContain('Транспорт');
      await countReaches(page.getByTestId('recurring-item'), 1);
      expect(await page.getByTestId('recurring-item').textContent()).toContain('спортзал Алисы');

      await page.getByTestId('wallet-household').click();
      await page.getByTestId('budgets-empty').waitFor();
      await page.getByTestId('recurring-empty').waitFor();

      await page.getByTestId('add-budget').click();
      await page.getByTestId('budget-category').selectOption('groceries');
      await page.getByTestId('budget-amount').fill('200000');
      await page.getByTestId('budget-save').click();
      await countReaches(page.getByTestId('budget-item'), 1);
      expect(await page.getByTestId('budget-item').textContent()).toContain('Продукты');

      await page.getByTestId('add-recurring').click();
      await page.getByTestId('recurring-amount').fill('1500000');
      await page.getByTestId('recurring-description').fill('семейная аренда');
      await page.getByTestId('recurring-day').selectOption('5');
      await page.getByTestId('recurring-save').click();
      await countReaches(page.getByTestId('recurring-item'), 1);
      expect(await page.getByTestId('recurring-item').textContent()).toContain('семейная аренда');
      expect(posts).toEqual([
        {
          path: '/api/budgets/',
          body: expect.objectContaining({ category: 'groceries', wallet: 'household' }),
        },
        {
          path: '/api/recurring/',
          body: expect.objectContaining({ description: 'семейная аренда', wallet: 'household' }),
        },
      ]);
      expect((await alice.get('/api/recurring/').expect(200)).body.results).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ description: 'семейная аренда', wallet: 'household', day: 5 }),
        ]),
      );

      // Back to personal: the household's are not there.
      await page.getByTestId('wallet-personal').click();
      await countReaches(page.getByTestId('budget-item').filter({ hasText: 'Продукты' }), 0);
      await countReaches(page.getByTestId('recurring-item').filter({ hasText: 'семейная аренда' }), 0);
      await countReaches(page.getByTestId('budget-item'), 1);

      // Bob, in the family view, sees the household's budget and records a household expense through the form:
      // the budget moves (150,000 of 200,000 = 75%) for him and for Alice.
      const other = await open(bob);
      await other.page.getByTestId('wallet-household').click();
      await addExpense(other.page, '150 000', 'groceries');
      await other.page.getByTestId('tab-plans').click();
      await countReaches(other.page.getByTestId('budget-item'), 1);
      await reaches(percentOf(other.page), '75');
      expect(await levelOf(other.page)).toBe('ok');
      await page.getByTestId('wallet-household').click();
      await reaches(percentOf(page), '75');

      // The forecast follows the switch too.
      await page.getByTestId('tab-stats').click();
      await reaches(async () => requests.includes('/api/analytics/forecast/?wallet=household'), true);
      expect([...problems, ...other.problems]).toEqual([]);
    });
  });
});
