/**
 * Balances in several currencies with a converted total: the REST endpoint and /balance over the webhook, the
 * Central Bank rates from a fake CBU on loopback (its real JSON format), cached per bank date, with the fallback
 * to cached rates when the bank fails; /currency and /language buttons; the first language from language_code.
 * Expected texts are written out here, not imported from the code.
 */
import { RatesService } from '../src/modules/rates/rates.service';
import { NewTransaction, TransactionsService } from '../src/modules/transactions/transactions.service';
import { FakeCbu } from './fakes/fake-cbu';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { callbackUpdate as buildPress, deliverUpdate, messageUpdate } from './helpers/updates';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

let nextUpdateId = 1_300_000;
let nextChatId = 930_000_000;

const textUpdate = (chatId: number, text: string, languageCode?: string) =>
  messageUpdate(++nextUpdateId, chatId, { text }, { firstName: 'Ali', languageCode });

const callbackUpdate = (chatId: number, data: string) =>
  buildPress(++nextUpdateId, chatId, data, { messageId: 77, firstName: 'Ali' });

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));

const item = (over: Partial<NewTransaction>): NewTransaction => ({
  type: 'expense',
  amountMinor: 100n,
  currency: 'UZS',
  category: 'other',
  description: '',
  occurredAt: new Date(Date.now() - 60_000),
  ...over,
});

describe('balances with a converted total (e2e, fake CBU)', () => {
  let t: TestApp;
  let cbu: FakeCbu;

  const deliver = (update: object) => deliverUpdate(t, update);
  const say = async (chatId: number, text: string, languageCode?: string) => {
    const sent = (await deliver(textUpdate(chatId, text, languageCode))).filter(
      (c) => c.method === 'sendMessage',
    );
    expect(sent).toHaveLength(1);
    return { text: String(sent[0].params.text), markup: sent[0].params.reply_markup };
  };
  const press = async (chatId: number, data: string) => {
    const calls = await deliver(callbackUpdate(chatId, data));
    const answer = calls.find((c) => c.method === 'answerCallbackQuery')!.params;
    const edits = calls.filter((c) => c.method === 'editMessageText').map((c) => String(c.params.text));
    return { answer: answer.text, edits };
  };
  const userOf = async (chatId: number): Promise<{ id: string; language: string; currency: string }> =>
    (await t.db.query('SELECT id, language, currency FROM users WHERE telegram_chat_id = $1', [chatId]))[0];
  const register = async (languageCode?: string) => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(chatId, '/start', languageCode));
    return { chatId, userId: (await userOf(chatId)).id };
  };
  const record = (userId: string, items: Array<Partial<NewTransaction>>) =>
    t.app.get(TransactionsService).recordMany(userId, items.map(item), { kind: 'api' });
  const balanceOf = async (token: string) =>
    (
      await t.http
        .get('/api/transactions/balance')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200)
    ).body;

  beforeAll(async () => {
    cbu = await new FakeCbu().start();
    cbu.today = {
      date: '2026-11-28',
      rates: { USD: { rate: '12741.19' }, RUB: { rate: '163.61' }, JPY: { rate: '826.18', nominal: '10' } },
    };
    t = await startTestApp({ CBU_RATES_URL: cbu.url });
  });
  afterAll(async () => {
    await t?.close();
    await cbu?.stop();
  });

  describe('GET /api/transactions/balance/', () => {
    it('keeps the per-currency totals and adds everything in the user currency at the bank rate, with its date', async () => {
      const alice = await accessTokenFor(t, 6001);
      await record(alice.userId, [
        { type: 'income', amountMinor: 100_000_000n },
        { type: 'expense', amountMinor: 30_000_000n },
        { type: 'income', amountMinor: 10_000n, currency: 'USD' },
        { type: 'expense', amountMinor: 2_550n, currency: 'USD' },
      ]);
      const body = await balanceOf(alice.token);
      expect(body).toEqual({
        totals: [
          { currency: 'USD', income: '100.00', expense: '25.50', balance: '74.50' },
          { currency: 'UZS', income: '1000000.00', expense: '300000.00', balance: '700000.00' },
        ],
        // 100 USD = 1,274,119.00; 25.50 USD = 324,900.345 → 324,900.35 (half-up)
        converted: {
          currency: 'UZS',
          income: '2274119.00',
          expense: '624900.35',
          balance: '1649218.65',
          rate_date: '2026-11-28',
          rates: { USD: '12741.19' },
        },
        as_of: expect.any(String),
      });
      // Cached per the date the bank reported, exact.
      expect(
        await t.db.query(
          `SELECT to_char(rate_date, 'YYYY-MM-DD') AS d, currency, rate::text AS rate, nominal FROM exchange_rates ORDER BY currency`,
        ),
      ).toEqual([
        { d: '2026-11-28', currency: 'JPY', rate: '826.18000000', nominal: 10 },
        { d: '2026-11-28', currency: 'RUB', rate: '163.61000000', nominal: 1 },
        { d: '2026-11-28', currency: 'USD', rate: '12741.19000000', nominal: 1 },
      ]);
      // A second balance asks the bank nothing more.
      const asked = cbu.requests.length;
      expect((await balanceOf(alice.token)).converted.balance).toBe('1649218.65');
      expect(cbu.requests.length).toBe(asked);
    });

    it('converts into the user currency through UZS (USD user with RUB and UZS)', async () => {
      const u = await accessTokenFor(t, 6002);
      const refused = await t.http
        .patch('/api/users/me/')
        .set({ Authorization: `Bearer ${u.token}` })
        .send({ currency: 'GBP' })
        .expect(400);
      expect(refused.body).toEqual({
        currency: ['"GBP" is not a valid choice. Choose one of: UZS, USD, RUB, EUR.'],
      });
      await t.http
        .patch('/api/users/me/')
        .set({ Authorization: `Bearer ${u.token}` })
        .send({ currency: 'USD' })
        .expect(200);
      await record(u.userId, [
        { type: 'expense', amountMinor: 778_800n, currency: 'RUB' },
        { type: 'income', amountMinor: 127_411_900n },
        { type: 'income', amountMinor: 5n, currency: 'USD' },
      ]);
      const body = await balanceOf(u.token);
      // 7788 RUB × 163.61 / 12741.19 = 100.0059 → 100.01; 1,274,119 UZS = 100.00 USD; + 0.05 USD
      expect(body.converted).toEqual({
        currency: 'USD',
        income: '100.05',
        expense: '100.01',
        balance: '0.04',
        rate_date: '2026-11-28',
        rates: { RUB: '163.61', USD: '12741.19' },
      });
    });

    it('one currency only: converted equals it, no rate needed; nothing yet: zeros', async () => {
      const u = await accessTokenFor(t, 6003);
      expect((await balanceOf(u.token)).converted).toEqual({
        currency: 'UZS',
        income: '0.00',
        expense: '0.00',
        balance: '0.00',
        rate_date: null,
        rates: {},
      });
      await record(u.userId, [{ type: 'expense', amountMinor: 123n }]);
      expect(await balanceOf(u.token)).toMatchObject({
        totals: [{ currency: 'UZS', income: '0.00', expense: '1.23', balance: '-1.23' }],
        converted: {
          currency: 'UZS',
          income: '0.00',
          expense: '1.23',
          balance: '-1.23',
          rate_date: null,
          rates: {},
        },
      });
    });

    it('a currency without a rate: converted is null, the totals stay per currency (never a mixed sum)', async () => {
      const u = await accessTokenFor(t, 6004);
      await record(u.userId, [
        { type: 'income', amountMinor: 100n, currency: 'EUR' },
        { type: 'income', amountMinor: 100n },
      ]);
      const body = await balanceOf(u.token);
      expect(body.totals.map((l: { currency: string; income: string }) => [l.currency, l.income])).toEqual([
        ['EUR', '1.00'],
        ['UZS', '1.00'],
      ]);
      expect(body.converted).toBeNull();
    });

    it("another user's transactions never change my totals, converted total or count", async () => {
      const me = await accessTokenFor(t, 6005);
      const other = await accessTokenFor(t, 6006);
      await record(me.userId, [{ type: 'income', amountMinor: 10_000n, currency: 'USD' }]);
      const before = await balanceOf(me.token);
      const count = async (token: string) =>
        (
          await t.http
            .get('/api/transactions/')
            .set({ Authorization: `Bearer ${token}` })
            .expect(200)
        ).body.count;
      expect(await count(me.token)).toBe(1);
      await record(other.userId, [
        { type: 'income', amountMinor: 99_999n, currency: 'USD' },
        { type: 'expense', amountMinor: 5n, currency: 'RUB' },
        { amountMinor: 7n },
      ]);
      expect({ ...(await balanceOf(me.token)), as_of: null }).toEqual({ ...before, as_of: null });
      expect(await count(me.token)).toBe(1);
      expect(await count(other.token)).toBe(3);
      expect((await balanceOf(other.token)).totals.map((l: { currency: string }) => l.currency)).toEqual([
        'RUB',
        'USD',
        'UZS',
      ]);
    });
  });

  it('the balance endpoint documents the converted total in OpenAPI', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const op =
      docs.body.paths['/api/transactions/balance']?.get ?? docs.body.paths['/api/transactions/balance/']?.get;
    expect(op.responses['200'].content['application/json'].schema.example.converted).toMatchObject({
      currency: 'UZS',
      rate_date: '2026-11-28',
      rates: { USD: '12741.19' },
    });
  });

  describe('rates', () => {
    it('a date is fetched from all/YYYY-MM-DD/; a failed fetch is retried once, then falls back to the newest cached date before it', async () => {
      const rates = t.app.get(RatesService);
      cbu.byDate.set('2026-11-19', {
        date: '2026-11-19',
        rates: { USD: { rate: '12650.00' }, EUR: { rate: '14000.50' } },
      });
      const first = await rates.ratesFor(['USD', 'EUR'], '2026-11-19');
      expect(first?.date).toBe('2026-11-19');
      expect(cbu.requests.at(-1)).toBe('/json/all/2026-11-19/');

      // Fails once, then answers: the retry gets it.
      cbu.byDate.set('2026-11-20', {
        date: '2026-11-20',
        rates: { USD: { rate: '12660.00' }, EUR: { rate: '14010.00' } },
      });
      cbu.failNext = 1;
      let asked = cbu.requests.length;
      expect((await rates.ratesFor(['EUR'], '2026-11-20'))?.date).toBe('2026-11-20');
      expect(cbu.requests.length - asked).toBe(2);

      // Fails twice: the newest cached date on or before the wanted one that has every currency.
      cbu.failNext = 2;
      asked = cbu.requests.length;
      const fallback = await rates.ratesFor(['USD', 'EUR'], '2026-11-25');
      expect(cbu.requests.length - asked).toBe(2);
      expect(fallback?.date).toBe('2026-11-20');
      // …and the failure is remembered for a while: no new request.
      asked = cbu.requests.length;
      expect((await rates.ratesFor(['USD', 'EUR'], '2026-11-25'))?.date).toBe('2026-11-20');
      expect(cbu.requests.length).toBe(asked);
      // Nothing cached on or before the date: no rates.
      cbu.failNext = 2;
      expect(await rates.ratesFor(['USD'], '2026-11-01')).toBeNull();
      // A currency never quoted: no rates.
      expect(await rates.ratesFor(['USD', 'XAU'], '2026-11-19')).toBeNull();
    });
  });

  describe('the bot', () => {
    it('/balance shows the per-currency blocks and the converted total with the rate date', async () => {
      const { chatId, userId } = await register();
      await record(userId, [
        { type: 'income', amountMinor: 100_000_000n },
        { type: 'expense', amountMinor: 30_000_000n },
        { type: 'income', amountMinor: 10_000n, currency: 'USD' },
        { type: 'expense', amountMinor: 2_550n, currency: 'USD' },
      ]);
      const { text } = await say(chatId, '/balance');
      const blocks = text.split('\n\n');
      expect(blocks.slice(0, 4)).toEqual([
        '💰 Ваш баланс',
        '💵 Доходы: 100.00 USD\n💸 Расходы: 25.50 USD\n📊 Итого: 74.50 USD',
        '💵 Доходы: 1,000,000.00 UZS\n💸 Расходы: 300,000.00 UZS\n📊 Итого: 700,000.00 UZS',
        '💱 Всё в UZS по курсу ЦБ на 28.11.2026:\n💵 Доходы: 2,274,119.00 UZS\n💸 Расходы: 624,900.35 UZS\n📊 Итого: 1,649,218.65 UZS\n1 USD = 12,741.19 UZS',
      ]);
      expect(blocks[4]).toMatch(/^📅 На \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    });

    it('/balance with a currency the bank does not quote shows per-currency totals only', async () => {
      const { chatId, userId } = await register('en');
      await t.db.query(`DELETE FROM exchange_rates WHERE currency = 'EUR'`); // the rates test above cached some
      await record(userId, [
        { type: 'income', amountMinor: 500n, currency: 'EUR' },
        { type: 'expense', amountMinor: 200n },
      ]);
      const { text } = await say(chatId, '/balance');
      expect(text.split('\n\n').slice(0, 3)).toEqual([
        '💰 Your balance',
        '💵 Income: 5.00 EUR\n💸 Expenses: 0.00 EUR\n📊 Total: 5.00 EUR',
        '💵 Income: 0.00 UZS\n💸 Expenses: 2.00 UZS\n📊 Total: -2.00 UZS',
      ]);
      expect(text).not.toContain('💱');
      expect(text).not.toContain('3.00');
    });

    it('/currency offers buttons with the current one marked; a press sets it; /balance then converts into it', async () => {
      const { chatId, userId } = await register();
      await record(userId, [
        { type: 'income', amountMinor: 127_411_900n },
        { type: 'expense', amountMinor: 1_000n, currency: 'USD' },
      ]);
      const offer = await say(chatId, '/currency');
      expect(offer.text).toBe('💱 Выберите валюту по умолчанию:');
      expect(buttons(offer.markup)).toEqual([
        [
          ['✅ UZS', 'cur:UZS'],
          ['USD', 'cur:USD'],
        ],
        [
          ['RUB', 'cur:RUB'],
          ['EUR', 'cur:EUR'],
        ],
      ]);
      const res = await press(chatId, 'cur:USD');
      expect(res).toEqual({ answer: '✅ Валюта по умолчанию: USD', edits: ['✅ Валюта по умолчанию: USD'] });
      expect((await userOf(chatId)).currency).toBe('USD');
      expect((await say(chatId, '/balance')).text).toContain(
        '💱 Всё в USD по курсу ЦБ на 28.11.2026:\n💵 Доходы: 100.00 USD\n💸 Расходы: 10.00 USD\n📊 Итого: 90.00 USD\n1 USD = 12,741.19 UZS',
      );
    });

    it('/language offers the three languages; a press switches every later reply', async () => {
      const { chatId } = await register('ru');
      const offer = await say(chatId, '/language');
      expect(offer.text).toBe('🌐 Выберите язык:');
      expect(buttons(offer.markup)).toEqual([
        [
          ['✅ 🇷🇺 Русский', 'lang:ru'],
          ['🇺🇿 Oʻzbekcha', 'lang:uz'],
          ['🇬🇧 English', 'lang:en'],
        ],
      ]);
      expect(await press(chatId, 'lang:uz')).toEqual({
        answer: '✅ Til: Oʻzbekcha',
        edits: ['✅ Til: Oʻzbekcha'],
      });
      expect((await userOf(chatId)).language).toBe('uz');
      // Telegram's language_code no longer decides once the user chose.
      expect((await say(chatId, '/currency', 'en')).text).toBe('💱 Asosiy valyutani tanlang:');
      expect((await say(chatId, '/balance', 'ru')).text.split('\n\n')[0]).toBe('💰 Balansingiz');
      await press(chatId, 'lang:en');
      expect((await say(chatId, '/language')).text).toBe('🌐 Choose a language:');
    });

    it('/language and /currency before /start ask for /start', async () => {
      const chatId = ++nextChatId;
      expect((await say(chatId, '/language', 'en')).text).toBe('👋 Please register first: send /start');
      expect((await say(chatId, '/currency')).text).toBe('👋 Сначала зарегистрируйтесь: отправьте /start');
      expect(await userOf(chatId)).toBeUndefined();
    });

    it.each([
      ['uz', 'uz', '🎉 OvozPay'],
      ['uz-UZ', 'uz', '🎉 OvozPay'],
      ['EN-us', 'en', '🎉 Welcome to OvozPay!'],
      ['ru-RU', 'ru', '🎉 Добро пожаловать в OvozPay!'],
      ['de', 'ru', '🎉 Добро пожаловать в OvozPay!'],
      [undefined, 'ru', '🎉 Добро пожаловать в OvozPay!'],
    ])(
      'the first language follows language_code %j when supported, else DEFAULT_LANGUAGE → %s',
      async (code, language, welcome) => {
        const chatId = ++nextChatId;
        const { text } = await say(chatId, '/start', code);
        expect(text.startsWith(welcome)).toBe(true);
        expect((await userOf(chatId)).language).toBe(language);
      },
    );
  });
});

describe('the first language without a supported language_code is DEFAULT_LANGUAGE (e2e)', () => {
  it('DEFAULT_LANGUAGE=en', async () => {
    const t = await startTestApp({ DEFAULT_LANGUAGE: 'en' });
    try {
      const chatId = ++nextChatId;
      await t.http
        .post('/telegram/webhook/')
        .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
        .send(textUpdate(chatId, '/start', 'de-DE'))
        .expect(200);
      expect(t.telegram.textsTo(chatId)[0].startsWith('🎉 Welcome to OvozPay!')).toBe(true);
      expect(
        (await t.db.query('SELECT language FROM users WHERE telegram_chat_id = $1', [chatId]))[0].language,
      ).toBe('en');
    } finally {
      await t.close();
    }
  });
});
