/**
 * The bot's doors to the Mini App: `/app` answers with a web_app button to ${PUBLIC_URL}/app/, and at start the
 * chat menu button is set to open it — only when PUBLIC_URL is https, which Telegram requires for web_app URLs.
 */
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { messageUpdate } from './helpers/updates';

let nextUpdateId = 9_100_000;

const command = (chatId: number, text: string, languageCode?: string) =>
  messageUpdate(nextUpdateId++, chatId, { text }, { messageId: 1, firstName: 'Dilnoza', languageCode });

const post = (t: TestApp, update: object) =>
  t.http
    .post('/telegram/webhook/')
    .set('X-Telegram-Bot-Api-Secret-Token', TEST_WEBHOOK_SECRET)
    .send(update)
    .expect(200);

const lastReplyTo = (t: TestApp, chatId: number) => {
  const sent = t.telegram.sent('sendMessage').filter((m) => Number(m.chat_id) === chatId);
  return sent[sent.length - 1] as {
    text: string;
    reply_markup?: { inline_keyboard: Array<Array<{ text: string; web_app?: { url: string } }>> };
  };
};

describe('Mini App in the bot with an https PUBLIC_URL (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/webhook/' });
  });
  afterAll(() => t?.close());

  it('sets the chat menu button to open ${PUBLIC_URL}/app/ at start (PUBLIC_URL defaults to the webhook origin)', () => {
    expect(t.telegram.sent('setChatMenuButton')).toEqual([
      { menu_button: { type: 'web_app', text: 'OvozPay', web_app: { url: 'https://bot.example.com/app/' } } },
    ]);
  });

  it('/app answers with a web_app button, in Russian by default', async () => {
    await post(t, command(910_000_001, '/app'));
    const reply = lastReplyTo(t, 910_000_001);
    expect(reply.text).toBe(
      '📱 Приложение OvozPay: баланс, операции, статистика, цели и долги в одном окне.',
    );
    expect(reply.reply_markup).toEqual({
      inline_keyboard: [[{ text: '📱 Открыть OvozPay', web_app: { url: 'https://bot.example.com/app/' } }]],
    });
  });

  it.each([
    [
      'en',
      '📱 The OvozPay app: balance, transactions, statistics, goals and debts in one place.',
      '📱 Open OvozPay',
    ],
    [
      'uz',
      '📱 OvozPay ilovasi: balans, amallar, statistika, maqsadlar va qarzlar bir oynada.',
      '📱 OvozPay ilovasini ochish',
    ],
  ])("/app in the sender's language (%s)", async (lang, text, button) => {
    const chatId = 910_000_100 + nextUpdateId;
    await post(t, command(chatId, '/app', lang));
    const reply = lastReplyTo(t, chatId);
    expect(reply.text).toBe(text);
    expect(reply.reply_markup?.inline_keyboard[0][0]).toEqual({
      text: button,
      web_app: { url: 'https://bot.example.com/app/' },
    });
  });

  it('/app@botname works too', async () => {
    await post(t, command(910_000_002, '/app@ovozpay_test_bot'));
    expect(lastReplyTo(t, 910_000_002).reply_markup?.inline_keyboard[0][0].web_app?.url).toBe(
      'https://bot.example.com/app/',
    );
  });
});

describe('Mini App in the bot with an explicit PUBLIC_URL under a path (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      TELEGRAM_WEBHOOK_URL: 'https://hooks.example.com/telegram/webhook/',
      PUBLIC_URL: 'https://example.com/ovozpay/',
    });
  });
  afterAll(() => t?.close());

  it('PUBLIC_URL wins over the webhook origin and keeps its path', async () => {
    expect(t.telegram.sent('setChatMenuButton')).toEqual([
      {
        menu_button: {
          type: 'web_app',
          text: 'OvozPay',
          web_app: { url: 'https://example.com/ovozpay/app/' },
        },
      },
    ]);
    await post(t, command(910_000_003, '/app'));
    expect(lastReplyTo(t, 910_000_003).reply_markup?.inline_keyboard[0][0].web_app?.url).toBe(
      'https://example.com/ovozpay/app/',
    );
  });
});

describe('Mini App in the bot without an https PUBLIC_URL (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://192.168.1.10:8000' });
  });
  afterAll(() => t?.close());

  it('sets no menu button and /app explains, without a button, that https is needed', async () => {
    expect(t.telegram.sent('setChatMenuButton')).toEqual([]);
    await post(t, command(910_000_004, '/app', 'en'));
    const reply = lastReplyTo(t, 910_000_004);
    expect(reply.text).toBe(
      '📱 The app is not available yet: the OvozPay server is not published over https. Use the bot: /balance, /help.',
    );
    expect(reply.reply_markup).toBeUndefined();
  });
});
