/**
 * Noticing patterns (docs/recurring.md): records said through the real webhook in three consecutive months → one
 * offer (RecurringService.offerFor, once, also with two calls at the same time), then nothing; ✖ is remembered; ✅
 * makes the monthly rule; another user's press does nothing; a gap, or a description with a rule already, gives none.
 */
import { CLOCK, type Clock } from '../src/common/time/clock';
import { DataSource, In } from 'typeorm';
import { RecurringBot } from '../src/modules/bot/flows/recurring.bot';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { RecurringRepository } from '../src/modules/recurring/recurring.repository';
import { RecurringScheduler } from '../src/modules/recurring/recurring.scheduler';
import { RecurringService } from '../src/modules/recurring/recurring.service';
import { Transaction } from '../src/modules/transactions/transaction.entity';
import { UsersService } from '../src/modules/users/users.service';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate, deliverUpdate, messageUpdate } from './helpers/updates';

let nextUpdateId = 7_700_000;
let nextChatId = 955_000_000;

describe('Noticing recurring patterns (e2e)', () => {
  let t: TestApp;
  let service: RecurringService;
  let bot: RecurringBot;
  let now = new Date('2026-09-01T07:00:00Z');
  let lastCalls: Array<{ method: string; params: Record<string, unknown> }> = [];
  /** The offer the last message got as a second reply (the record's reply comes first), or undefined. */
  const offered = () => {
    const sent = lastCalls.filter((c) => c.method === 'sendMessage');
    const second = sent[1];
    if (!second) return undefined;
    const markup = second.params.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
    };
    return { text: String(second.params.text), buttons: markup.inline_keyboard[0] };
  };

  const user = async (languageCode = 'ru') => {
    const chatId = ++nextChatId;
    await deliverUpdate(
      t,
      messageUpdate(++nextUpdateId, chatId, { text: '/start' }, { sentAt: now.getTime(), languageCode }),
    );
    const { userId, token } = await accessTokenFor(t, chatId);
    return { chatId, userId, auth: { Authorization: `Bearer ${token}` } };
  };
  /** Says `text` at `at` (the record's time) and gives the rows it recorded. */
  const say = async (chatId: number, userId: string, text: string, at: string) => {
    now = new Date(at);
    const before: Array<{ id: string }> = await t.db.query(`SELECT id FROM transactions WHERE user_id = $1`, [
      userId,
    ]);
    lastCalls = await deliverUpdate(
      t,
      messageUpdate(++nextUpdateId, chatId, { text }, { sentAt: now.getTime() }),
    );
    const ids = (
      (await t.db.query(`SELECT id FROM transactions WHERE user_id = $1`, [userId])) as Array<{ id: string }>
    )
      .map((r) => r.id)
      .filter((id) => !before.some((b) => b.id === id));
    expect(ids).toHaveLength(1);
    return t.app
      .get(DataSource)
      .getRepository(Transaction)
      .findBy({ id: In(ids) });
  };
  const press = async (chatId: number, data: string) => {
    const calls = await deliverUpdate(t, callbackUpdate(++nextUpdateId, chatId, data, { messageId: 91 }));
    const answer = calls.find((c) => c.method === 'answerCallbackQuery');
    const edit = calls.find((c) => c.method === 'editMessageText');
    return {
      toast: String((answer?.params as { text?: string } | undefined)?.text),
      edit: edit ? String(edit.params.text) : undefined,
      buttonsRemoved: calls.some((c) => c.method === 'editMessageReplyMarkup'),
    };
  };
  const offers = (userId: string) =>
    t.db.query(
      `SELECT description, description_key, amount::text AS amount, day, status, recurring_id FROM recurring_offers WHERE user_id = $1`,
      [userId],
    );
  const rules = (userId: string) =>
    t.db.query(
      `SELECT description, amount::text AS amount, currency, category, every, day, wallet FROM recurring_rules WHERE user_id = $1`,
      [userId],
    );
  const profile = (userId: string) => t.app.get(UsersService).getById(userId);

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(RecurringScheduler).stop();
    t.app.get<Clock>(CLOCK).now = () => now;
    service = t.app.get(RecurringService);
    bot = t.app.get(RecurringBot);
  });
  afterAll(() => t?.close());

  it('three months of rent → offered once (two at a time too); ✅ makes the monthly rule, once', async () => {
    const alice = await user();
    const bob = await user();
    expect(
      await service.offerFor(
        alice.userId,
        await say(alice.chatId, alice.userId, 'аренда 3 млн', '2026-09-01T07:00:00Z'),
        now,
      ),
    ).toBeNull();
    expect(
      await service.offerFor(
        alice.userId,
        await say(alice.chatId, alice.userId, 'Аренда 2,9 млн', '2026-10-03T07:00:00Z'),
        now,
      ),
    ).toBeNull();
    // The third month through the webhook: the record's reply, then the offer as a second message.
    const november = await say(alice.chatId, alice.userId, 'аренда 3.1 млн', '2026-11-02T07:00:00Z');
    const webhookOffer = offered();
    expect(webhookOffer?.text).toBe(
      '🔁 Похоже, «аренда» каждый месяц ~3,000,000.00 UZS около 2 числа. Сделать регулярным?',
    );
    // Offered once: the same records again, two at a time, offer nothing more.
    expect(
      await Promise.all([
        service.offerFor(alice.userId, november, now),
        service.offerFor(alice.userId, november, now),
      ]),
    ).toEqual([null, null]);
    const [{ id: offerId }] = (await t.db.query(`SELECT id FROM recurring_offers WHERE user_id = $1`, [
      alice.userId,
    ])) as Array<{ id: string }>;
    const offer = {
      id: offerId,
      type: 'expense' as const,
      amountMinor: 300_000_000n,
      currency: 'UZS',
      day: 2,
    };
    expect(await offers(alice.userId)).toEqual([
      {
        description: 'аренда',
        description_key: 'аренда',
        amount: '3000000.00',
        day: 2,
        status: 'offered',
        recurring_id: null,
      },
    ]);

    const [yes, no] = webhookOffer!.buttons;
    expect([yes.text, no.text]).toEqual(['✅ Да', '✖ Нет']);
    expect(yes.callback_data).toBe(`ro:${offer.id.replace(/-/g, '')}:y`);

    // IDOR: Bob presses Alice's buttons — nothing happens
    expect(await press(bob.chatId, yes.callback_data)).toMatchObject({
      toast: 'Это предложение уже не действует.',
      edit: undefined,
    });
    expect(await press(bob.chatId, no.callback_data)).toMatchObject({
      toast: 'Это предложение уже не действует.',
      edit: undefined,
    });
    expect(await rules(bob.userId)).toEqual([]);
    expect((await offers(alice.userId))[0].status).toBe('offered');

    const accepted = await press(alice.chatId, yes.callback_data);
    expect(accepted.edit).toBe(
      '🔁 Регулярный платёж добавлен: Аренда 3,000,000.00 UZS — каждый месяц 2 числа, следующий: 02.12.2026',
    );
    expect(await rules(alice.userId)).toEqual([
      {
        description: 'аренда',
        amount: '3000000.00',
        currency: 'UZS',
        category: expect.any(String),
        every: 'month',
        day: 2,
        wallet: 'personal',
      },
    ]);
    expect((await rules(alice.userId))[0].category).toBe(november[0].category);
    // November was paid by the record that completed the pattern: the rule starts with December
    expect(
      await t.db.query(
        `SELECT occurrence_date::text AS date, status, transaction_id FROM recurring_occurrences WHERE user_id = $1`,
        [alice.userId],
      ),
    ).toEqual([{ date: '2026-11-02', status: 'recorded', transaction_id: november[0].id }]);
    expect((await offers(alice.userId))[0]).toMatchObject({
      status: 'accepted',
      recurring_id: expect.any(String),
    });
    // pressed again, or ✖ after ✅: nothing more
    expect(await press(alice.chatId, yes.callback_data)).toMatchObject({
      toast: 'Это предложение уже не действует.',
      buttonsRemoved: true,
    });
    expect(await press(alice.chatId, no.callback_data)).toMatchObject({
      toast: 'Это предложение уже не действует.',
    });
    expect(await rules(alice.userId)).toHaveLength(1);
  });

  it('✖ is remembered: a fourth month offers nothing', async () => {
    const carol = await user('en');
    await say(carol.chatId, carol.userId, 'netflix 10 dollars', '2026-08-15T07:00:00Z');
    await say(carol.chatId, carol.userId, 'Netflix 10 dollars', '2026-09-15T07:00:00Z');
    const october = await say(carol.chatId, carol.userId, 'netflix 11 dollars', '2026-10-14T07:00:00Z');
    expect(await service.offerFor(carol.userId, october, now)).toBeNull(); // the webhook offered it already
    expect(offered()?.text).toBe(
      '🔁 Looks like “netflix” is ~10.00 USD every month, around day 15. Make it recurring?',
    );
    const no = offered()!.buttons[1];
    expect(await press(carol.chatId, no.callback_data)).toMatchObject({
      toast: '✖ No',
      edit: '✖ OK, I won’t offer it again.',
    });
    expect((await offers(carol.userId))[0].status).toBe('declined');
    const november = await say(carol.chatId, carol.userId, 'netflix 10 dollars', '2026-11-15T07:00:00Z');
    expect(await service.offerFor(carol.userId, november, now)).toBeNull();
    expect(await rules(carol.userId)).toEqual([]);

    // the offers are in the export and go with the erasure
    const exported = (await t.http.get('/api/users/me/export/').set(carol.auth).expect(200)).body as {
      recurring_offers: Array<Record<string, unknown>>;
    };
    expect(exported.recurring_offers).toEqual([
      expect.objectContaining({
        description: 'netflix',
        amount: '10.00',
        currency: 'USD',
        day: 15,
        status: 'declined',
      }),
    ]);
    expect(await t.app.get(PrivacyService).eraseUser(carol.userId)).toBe(true);
    expect(await offers(carol.userId)).toEqual([]);
  });

  it('a daily habit: no offer, and the read behind it stays at four rows however many there are', async () => {
    const erin = await user();
    for (const day of ['01', '02', '03', '04', '05', '06', '07', '08'])
      await say(erin.chatId, erin.userId, 'кофе 18 тыс', `2026-09-${day}T07:00:00Z`);
    await say(erin.chatId, erin.userId, 'кофе 18 тыс', '2026-10-02T07:00:00Z');
    const november = await say(erin.chatId, erin.userId, 'кофе 18 тыс', '2026-11-02T07:00:00Z');
    expect(offered()).toBeUndefined();
    expect(await service.offerFor(erin.userId, november, now)).toBeNull();
    const read = await t.app
      .get(RecurringRepository)
      .patternRecordsUnlessKnown(
        erin.userId,
        'expense',
        'кофе',
        new Date('2026-08-31T19:00:00Z'),
        new Date('2026-11-30T19:00:00Z'),
      );
    expect(read.map((r) => r.occurredAt.toISOString())).toEqual([
      '2026-11-02T07:00:00.000Z',
      '2026-10-02T07:00:00.000Z',
      '2026-09-08T07:00:00.000Z',
      '2026-09-07T07:00:00.000Z',
    ]);
  });

  it('a gap, a second record in a month, or a rule already there: no offer', async () => {
    const dave = await user();
    await say(dave.chatId, dave.userId, 'интернет 150 тыс', '2026-08-05T07:00:00Z');
    // September missing
    const october = await say(dave.chatId, dave.userId, 'интернет 150 тыс', '2026-10-05T07:00:00Z');
    expect(await service.offerFor(dave.userId, october, now)).toBeNull();
    const november = await say(dave.chatId, dave.userId, 'интернет 150 тыс', '2026-11-05T07:00:00Z');
    await say(dave.chatId, dave.userId, 'такси 30 тыс', '2026-09-10T07:00:00Z');
    // taken twice in September: a habit, not a monthly payment
    await say(dave.chatId, dave.userId, 'такси 30 тыс', '2026-09-20T07:00:00Z');
    await say(dave.chatId, dave.userId, 'такси 30 тыс', '2026-10-10T07:00:00Z');
    const taxi = await say(dave.chatId, dave.userId, 'такси 30 тыс', '2026-11-10T07:00:00Z');
    expect(taxi[0].description).toBe('такси');
    expect(offered()).toBeUndefined();
    expect(await service.offerFor(dave.userId, taxi, now)).toBeNull();
    expect(november).toHaveLength(1);
    // a rule with that description already: no offer in December
    await service.create(dave.userId, {
      type: 'expense',
      amountMinor: 15_000_000n,
      description: 'Интернет',
      every: 'month',
      day: 5,
    });
    const december = await say(dave.chatId, dave.userId, 'интернет 150 тыс', '2026-12-05T07:00:00Z');
    expect(await service.offerFor(dave.userId, december, now)).toBeNull();
    expect(await offers(dave.userId)).toEqual([]);
    // without the rule, October, November and December are a pattern
    await t.db.query(`DELETE FROM recurring_rules WHERE user_id = $1`, [dave.userId]);
    const offer = (await service.offerFor(dave.userId, december, now))!;
    expect(offer).toMatchObject({ description: 'интернет', amountMinor: 15_000_000n, day: 5 });
    // the December record deleted before ✅: December is not marked paid, the rule asks for it today
    await t.db.query(`DELETE FROM transactions WHERE id = $1`, [december[0].id]);
    const yes = bot.offerReply(await profile(dave.userId), offer).markup.inline_keyboard[0][0] as {
      callback_data: string;
    };
    expect((await press(dave.chatId, yes.callback_data)).edit).toBe(
      '🔁 Регулярный платёж добавлен: Интернет 150,000.00 UZS — каждый месяц 5 числа, следующий: 05.12.2026',
    );
    expect(await t.db.query(`SELECT 1 FROM recurring_occurrences WHERE user_id = $1`, [dave.userId])).toEqual(
      [],
    );
  });
});
