/**
 * The Mini App's personal / family switch in a real browser (Debian's Chromium via playwright-core) against the
 * whole app on loopback (docs/households.md, "The Mini App"): two members of a household switch to the family
 * wallet, see both members' records with who made them and each member's totals, add a family record through the
 * form (it is in the family list, not in the other member's personal list), cannot change another member's record;
 * someone in no household sees no switch and the app sends no `wallet` at all.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RateLimitStorage } from '../src/common/rate-limit/rate-limit.storage';
import { launchHash, signedInitData } from './helpers/init-data';
import type { TestApp } from './helpers/test-app';
import { countReaches, restFor, RestSession, startBrowserApp } from './helpers/browser-app';

jest.setTimeout(120_000);

let nextChatId = 820_000_000;
const newChatId = () => nextChatId++;

let t: TestApp;
let base: string;
let browser: Browser;

const restOf = (chatId: number, firstName: string) => restFor(t, chatId, firstName);
type Rest = RestSession;

describe('Mini App: personal / family switch in Chromium (e2e)', () => {
  const contexts: BrowserContext[] = [];
  let alice: Rest; // the household's owner
  let bob: Rest; // a member

  beforeAll(async () => {
    ({ t, base, browser } = await startBrowserApp());

    alice = await restOf(newChatId(), 'Alice');
    bob = await restOf(newChatId(), 'Bob');
    await alice.post('/api/households/', { name: 'Oila', currency: 'UZS' }).expect(201);
    const invite = await alice.post('/api/households/current/invites/').expect(201);
    await bob.post('/api/households/join/', { token: invite.body.token }).expect(200);
    const record = (who: Rest, body: object) =>
      who
        .post('/api/transactions/', { type: 'expense', currency: 'UZS', category: 'groceries', ...body })
        .expect(201);
    await record(alice, { amount: '200000', wallet: 'household', description: 'продукты Алисы' });
    await record(bob, {
      amount: '50000',
      wallet: 'household',
      category: 'transport',
      description: 'такси Боба',
    });
    await record(bob, { amount: '10000', wallet: 'personal', description: 'личное Боба' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(() => t.app.get(RateLimitStorage).reset());
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A page opened the way Telegram opens the Mini App; page errors and the API requests made are collected. */
  async function open(who: { chatId: number; firstName: string }, lang = 'ru') {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    const posts: unknown[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().includes('/api/')) return;
      requests.push(r.url().slice(base.length));
      if (r.method() === 'POST' && r.url().endsWith('/api/transactions/')) posts.push(r.postDataJSON());
    });
    const initData = signedInitData(who.chatId, { user: { first_name: who.firstName, language_code: lang } });
    await page.goto(`${base}/app/${launchHash(initData)}`);
    return { page, problems, requests, posts };
  }

  const texts = (page: Page) => page.getByTestId('tx-item').allTextContents();

  it("a member switches to the family: both members' records with their makers, the family balance and each member's totals; the choice holds across screens", async () => {
    const { page, problems, requests } = await open(bob);
    const sw = page.getByTestId('wallet-switch');
    await sw.waitFor();
    expect(await sw.textContent()).toBe('ЛичноеСемья');
    // Personal first: Bob's own wallet only.
    await countReaches(page.getByTestId('tx-item'), 1);
    expect((await texts(page))[0]).toContain('личное Боба');
    expect(await page.getByTestId('tx-member').count()).toBe(0);
    await page.getByTestId('balance').getByText('-10,000.00 UZS').waitFor();

    await page.getByTestId('wallet-household').click();
    await countReaches(page.getByTestId('tx-item'), 2);
    const items = await texts(page);
    expect(items.join('\n')).not.toContain('личное Боба');
    const byText = (s: string) => items.find((i) => i.includes(s)) ?? '';
    expect(byText('продукты Алисы')).toContain('Alice');
    expect(byText('такси Боба')).toContain('Bob');
    await page.getByTestId('balance').getByText('-250,000.00 UZS').waitFor();
    expect(await page.getByTestId('balance').textContent()).toContain('Баланс семьи «Oila»');
    expect(await page.getByTestId('wallet-household').getAttribute('aria-selected')).toBe('true');

    // Another screen: the switch is there, still on the family, and the stats are the household's.
    await page.getByTestId('tab-stats').click();
    await page.getByTestId('stats-chart').waitFor();
    expect(await page.getByTestId('wallet-household').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('stats-chart').locator('circle.slice').count()).toBe(2);
    const breakdown = page.getByTestId('member-breakdown');
    await breakdown.waitFor();
    const rows = await breakdown.getByTestId('member-row').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('Alice'))).toContain('200,000.00 UZS');
    expect(rows.find((r) => r.includes('Bob'))).toContain('50,000.00 UZS');
    expect(rows.join('\n')).not.toContain('10,000.00 UZS');

    // Back to personal on this screen: no breakdown, Bob's own spending only.
    await page.getByTestId('wallet-personal').click();
    await countReaches(page.getByTestId('stats-row'), 1); // the family's chart has two rows
    expect(await page.getByTestId('member-breakdown').count()).toBe(0);
    expect(await page.getByTestId('stats-row').textContent()).toContain('10,000.00 UZS');
    await page.getByTestId('wallet-household').click();
    await page.getByTestId('member-breakdown').waitFor();

    // The switch is on the goals screen too; a reload in the same tab keeps the family.
    await page.getByTestId('tab-goals').click();
    await page.getByTestId('wallet-switch').waitFor();
    requests.length = 0;
    await page.reload();
    await countReaches(page.getByTestId('tx-item'), 2);
    expect(await page.getByTestId('wallet-household').getAttribute('aria-selected')).toBe('true');
    expect(requests).toContain('/api/transactions/balance/?wallet=household');
    expect(requests.filter((r) => r.includes('wallet=personal'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("adds a family record through the form: in the family list, in the other member's family list, not in their personal list", async () => {
    const { page, problems, posts } = await open(alice);
    await page.getByTestId('wallet-household').click();
    await countReaches(page.getByTestId('tx-item'), 2);
    await page.getByTestId('add-tx').click();
    await page.getByTestId('tx-amount').fill('75 000');
    await page.getByTestId('tx-category').selectOption('cafe');
    await page.getByTestId('tx-description').fill('семейный ужин');
    await page.getByTestId('tx-save').click();
    await page.getByTestId('tx-item').filter({ hasText: 'семейный ужин' }).waitFor();
    expect(await page.getByTestId('tx-item').filter({ hasText: 'семейный ужин' }).textContent()).toContain(
      'Alice',
    );
    expect(posts).toEqual([expect.objectContaining({ amount: '75000', wallet: 'household' })]);

    const family = await bob.get('/api/transactions/?wallet=household').expect(200);
    const dinner = family.body.results.find(
      (r: { description: string }) => r.description === 'семейный ужин',
    );
    expect(dinner).toMatchObject({ wallet: 'household', created_by: alice.id, amount: '75000.00' });

    const other = await open(bob);
    await countReaches(other.page.getByTestId('tx-item'), 1);
    expect((await texts(other.page)).join('\n')).not.toContain('семейный ужин');
    await other.page.getByTestId('wallet-household').click();
    await other.page.getByTestId('tx-item').filter({ hasText: 'семейный ужин' }).waitFor();
    expect(problems).toEqual([]);
  });

  it("a member cannot change or delete another member's record; the owner may delete it; a refused delete is explained", async () => {
    const mine = await bob
      .post('/api/transactions/', {
        type: 'expense',
        amount: '3000',
        currency: 'UZS',
        wallet: 'household',
        description: 'хлеб Боба',
      })
      .expect(201);

    // Bob opens Alice's record: who made it, no save, no delete.
    const { page } = await open(bob);
    await page.getByTestId('wallet-household').click();
    await page.getByTestId('tx-item').filter({ hasText: 'продукты Алисы' }).click();
    await page.getByTestId('tx-form').waitFor();
    expect(await page.getByTestId('tx-maker').textContent()).toBe('Добавил(а): Alice');
    expect(await page.getByTestId('tx-delete').count()).toBe(0);
    expect(await page.getByTestId('tx-save').count()).toBe(0);
    expect(await page.getByTestId('tx-amount').isDisabled()).toBe(true);
    await page.getByTestId('tx-form').getByRole('button', { name: 'Отмена' }).click();
    // His own family record: both buttons.
    await page.getByTestId('tx-item').filter({ hasText: 'хлеб Боба' }).click();
    await page.getByTestId('tx-delete').waitFor();
    expect(await page.getByTestId('tx-save').count()).toBe(1);
    expect(await page.getByTestId('tx-maker').count()).toBe(0);

    // Alice (the owner) opens Bob's record: delete, no save. The server refuses once (say, Bob's rights changed
    // meanwhile): the form says why in the user's language; then the real delete goes through.
    const owner = await open(alice);
    let refused = 0;
    await owner.page.route(`**/api/transactions/${mine.body.id as string}/`, (route) =>
      route.request().method() === 'DELETE' && refused++ === 0
        ? route.fulfill({ status: 403, json: { detail: 'You can change only your own records.' } })
        : route.continue(),
    );
    await owner.page.getByTestId('wallet-household').click();
    await owner.page.getByTestId('tx-item').filter({ hasText: 'хлеб Боба' }).click();
    expect(await owner.page.getByTestId('tx-maker').textContent()).toBe('Добавил(а): Bob');
    expect(await owner.page.getByTestId('tx-save').count()).toBe(0);
    await owner.page.getByTestId('tx-delete').click();
    const alert = owner.page.getByTestId('tx-form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Эту запись добавил другой участник семьи');
    await owner.page.getByTestId('tx-delete').click();
    await countReaches(owner.page.getByTestId('tx-form'), 0);
    await countReaches(owner.page.getByTestId('tx-item').filter({ hasText: 'хлеб Боба' }), 0);
    await bob.get(`/api/transactions/${mine.body.id as string}/`).expect(404);
  });

  it('someone in no household sees no switch and the app sends no wallet anywhere; the texts follow the language', async () => {
    const carol = await restOf(newChatId(), 'Carol');
    await carol
      .post('/api/transactions/', { type: 'expense', amount: '5000', currency: 'UZS', description: 'кофе' })
      .expect(201);
    const { page, requests, posts, problems } = await open(carol);
    await page.getByTestId('tx-item').first().waitFor();
    await page.getByTestId('add-tx').click();
    await page.getByTestId('tx-amount').fill('1000');
    await page.getByTestId('tx-save').click();
    await countReaches(page.getByTestId('tx-item'), 2);
    await page.getByTestId('tab-stats').click();
    await page.getByTestId('stats-chart').waitFor();
    expect(await page.getByTestId('wallet-switch').count()).toBe(0);
    expect(await page.getByTestId('member-breakdown').count()).toBe(0);
    expect(requests.filter((r) => r.includes('wallet'))).toEqual([]);
    expect(posts).toEqual([expect.not.objectContaining({ wallet: expect.anything() })]);
    expect(requests).toContain('/api/households/current/');
    expect(problems).toEqual([]);

    // A member's switch in Uzbek and English (the user's own language, set in the bot or over REST).
    for (const [lang, want] of [
      ['uz', 'ShaxsiyOila'],
      ['en', 'PersonalFamily'],
    ]) {
      await t.http.patch('/api/users/me/').set(alice.auth).send({ language: lang }).expect(200);
      const other = await open(alice, lang);
      await other.page.getByTestId('wallet-switch').waitFor();
      expect(await other.page.getByTestId('wallet-switch').textContent()).toBe(want);
    }
  });
});
