/**
 * The household in the bot (docs/households.md, "Bot"), three people and their private chats through the real
 * webhook: /family creates a household (a name asked for), the owner's invite link, `/start join_<token>` with the
 * Join button, unknown / expired / used / revoked (by the button under the link) tokens, already in a household,
 * the default-wallet toggle, the notification amount, rename, remove / hand over / leave / dissolve by buttons (with their confirmations), stale
 * buttons of a removed member or a former owner, and what the other members are told (in their language, to their
 * chats only, never an amount) when someone joins, leaves, is removed, erases their data, gets ownership, or the
 * household is dissolved.
 */
import { startTestApp, TestApp } from './helpers/test-app';
import { callbackUpdate, deliverUpdate, messageUpdate } from './helpers/updates';
import type { BotApiCall } from './fakes/fake-telegram';
import { hashInviteToken } from '../src/modules/households/households.rules';
import { HouseholdNotifier } from '../src/modules/notifications/household-notifier';

let nextUpdateId = 7_400_000;
let nextChatId = 934_000_000;

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).map((row) => row.map((b) => [b.text, b.callback_data]));
const hex = (id: string) => id.replace(/-/g, '');

interface Person {
  chatId: number;
  userId: string;
  name: string;
  lang: 'ru' | 'uz' | 'en';
}

describe('Telegram bot: the household (e2e, webhook)', () => {
  let t: TestApp;
  let notifier: HouseholdNotifier;

  /** Posts an update once the news of earlier ones is out (so a chat's replies are only this update's). */
  const deliver = async (update: object) => {
    await notifier.settled();
    return deliverUpdate(t, update);
  };
  const sends = (calls: BotApiCall[], chatId: number) =>
    calls
      .filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId)
      .map((c) => ({ text: String(c.params.text), markup: c.params.reply_markup }));

  /** A message from `p`; the bot's replies in their chat. */
  const say = async (p: Person, text: string) =>
    sends(
      await deliver(
        messageUpdate(++nextUpdateId, p.chatId, { text }, { firstName: p.name, languageCode: p.lang }),
      ),
      p.chatId,
    );
  /** The only reply to a message. */
  const say1 = async (p: Person, text: string) => {
    const replies = await say(p, text);
    expect(replies).toHaveLength(1);
    return replies[0];
  };
  /** A button press: the toast, the edit in place, any new reply. */
  const press = async (p: Person, data: string) => {
    const calls = await deliver(
      callbackUpdate(++nextUpdateId, p.chatId, data, { firstName: p.name, languageCode: p.lang }),
    );
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    const edit = calls.find((c) => c.method === 'editMessageText');
    return {
      toast: String(answers[0].params.text ?? ''),
      alert: answers[0].params.show_alert === true,
      text: edit ? String(edit.params.text) : undefined,
      markup: edit?.params.reply_markup,
      replies: sends(calls, p.chatId),
    };
  };
  const register = async (name: string, lang: Person['lang']): Promise<Person> => {
    const chatId = ++nextChatId;
    await deliver(
      messageUpdate(++nextUpdateId, chatId, { text: '/start' }, { firstName: name, languageCode: lang }),
    );
    const [{ id }] = await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId]);
    return { chatId, userId: id as string, name, lang };
  };

  /** What the members were told since `mark` (the Bot API calls index), by chat, once the notifier is done. */
  const toldSince = async (mark: number) => {
    await notifier.settled();
    const told = new Map<number, string[]>();
    for (const c of t.telegram.calls.slice(mark))
      if (c.method === 'sendMessage') {
        const chat = Number(c.params.chat_id);
        told.set(chat, [...(told.get(chat) ?? []), String(c.params.text)]);
      }
    return told;
  };
  /** Runs `act` and gives what was sent to each chat meanwhile (replies and news). */
  const watch = async (act: () => Promise<unknown>) => {
    await notifier.settled();
    const mark = t.telegram.calls.length;
    await act();
    return toldSince(mark);
  };

  const membership = async (p: Person) =>
    (
      await t.db.query(
        `SELECT h.name, h.owner_id, m.role, m.records_to_household, m.notify_over::text AS notify_over
           FROM household_members m JOIN households h ON h.id = m.household_id WHERE m.user_id = $1`,
        [p.userId],
      )
    )[0] as
      | {
          name: string;
          owner_id: string;
          role: string;
          records_to_household: boolean;
          notify_over: string | null;
        }
      | undefined;

  /** The owner presses Invite: the link's token. */
  const inviteBy = async (owner: Person) => {
    const answer = await press(owner, 'hf:i');
    expect(answer.replies).toHaveLength(1);
    const m = /https:\/\/t\.me\/OvozTestBot\?start=join_([A-Za-z0-9_-]{43})/.exec(answer.replies[0].text);
    expect(m).not.toBeNull();
    expect(buttons(answer.replies[0].markup)).toEqual([[[expect.any(String), `hf:x:${m![1]}`]]]);
    return { token: m![1], text: answer.replies[0].text };
  };
  /** Opens the link and presses Join. */
  const joinWith = async (p: Person, token: string) => {
    const opened = await say(p, `/start join_${token}`);
    const join = opened[opened.length - 1];
    expect(buttons(join.markup)).toEqual([[[expect.any(String), `hf:j:${token}`]]]);
    return press(p, `hf:j:${token}`);
  };

  /** No amount, no digit at all in a piece of news (the names used here have none). */
  const expectNoAmounts = (texts: string[] | undefined) => {
    expect(texts).toBeDefined();
    for (const text of texts!) expect(text).not.toMatch(/\d/);
  };

  let aziza: Person;
  let bobur: Person;
  let chris: Person;

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_USERNAME: 'OvozTestBot' });
    notifier = t.app.get(HouseholdNotifier);
    aziza = await register('Aziza', 'ru');
    bobur = await register('Bobur', 'uz');
    chris = await register('Chris', 'en');
  });
  afterAll(() => t?.close());

  it('/family without a household offers to create one; the name is asked for, /cancel forgets the question', async () => {
    const offer = await say1(aziza, '/family');
    expect(offer.text).toBe(
      '🏠 Семьи у вас пока нет.\nСоздайте её и пригласите близких: общие траты будут в одном кошельке, а личные останутся видны только вам.',
    );
    expect(buttons(offer.markup)).toEqual([[['➕ Создать семью', 'hf:c']]]);

    const asked = await press(aziza, 'hf:c');
    expect(asked.replies.map((r) => r.text)).toEqual([
      '🏠 Как назовём семью? Напишите название (до 100 символов).\nОтмена: /cancel',
    ]);
    await say1(aziza, '/cancel');
    // after /cancel the next text is an ordinary phrase again, and no household was created
    await say(aziza, 'Каримовы');
    expect(await membership(aziza)).toBeUndefined();

    await press(aziza, 'hf:c');
    const created = await say1(aziza, '  Каримовы  ');
    expect(created.text).toBe(
      [
        '🎉 Семья «Каримовы» создана. Пригласите близких кнопкой «Пригласить».',
        '',
        '🏠 Семья «Каримовы» · UZS',
        '',
        'Участники:',
        '👑 Aziza — владелец',
        '',
        'Ваши записи по умолчанию: личные',
        'Уведомления о тратах семьи: выключены',
      ].join('\n'),
    );
    expect(buttons(created.markup)).toEqual([
      [
        ['🔗 Пригласить', 'hf:i'],
        ['✏️ Переименовать', 'hf:n'],
      ],
      [['В семью по умолчанию: выкл', 'hf:w:1']],
      [['🔔 Сообщать о тратах больше…', 'hf:o']],
      [
        ['🚪 Выйти из семьи', 'hf:l'],
        ['🗑 Распустить семью', 'hf:d'],
      ],
    ]);
    expect(await membership(aziza)).toMatchObject({ name: 'Каримовы', role: 'owner' });
    // the word alone shows the card again
    expect((await say1(aziza, 'семья')).text).toContain('🏠 Семья «Каримовы» · UZS');
  });

  it('the owner invites; the link shows who invites and where, Join joins, the owner is told', async () => {
    const { token, text } = await inviteBy(aziza);
    expect(text).toBe(
      `🔗 Ссылка-приглашение — для одного человека, действует 24 ч:\nhttps://t.me/OvozTestBot?start=join_${token}\nОтправьте её тому, кого приглашаете.`,
    );
    const opened = await say(bobur, `/start join_${token}`);
    expect(opened).toHaveLength(2); // /start's welcome stays, then the invitation
    expect(opened[1].text).toBe(
      '👋 Aziza sizni «Каримовы» oilasiga taklif qilmoqda.\nOilada faqat umumiy yozuvlar koʻrinadi, shaxsiylari faqat sizniki boʻlib qoladi.',
    );
    expect(buttons(opened[1].markup)).toEqual([[['✅ Qoʻshilish', `hf:j:${token}`]]]);
    expect(await membership(bobur)).toBeUndefined(); // opening the link claims nothing

    const told = await watch(async () => {
      const joined = await press(bobur, `hf:j:${token}`);
      expect(joined.toast).toBe('🎉 Siz «Каримовы» oilasidasiz!');
      expect(joined.text).toContain('Aʼzolar:\n👑 Aziza — egasi\n• Bobur');
    });
    expect(told.get(aziza.chatId)).toEqual(['👋 Bobur присоединяется к семье «Каримовы».']);
    expect(await membership(bobur)).toMatchObject({ role: 'member' });
  });

  it('a used, expired, revoked or unknown token gets a short answer, and so does someone already in a household', async () => {
    // the used token: opened again by someone else
    const { token: first } = await inviteBy(aziza);
    await joinWith(chris, first);
    expect(await membership(chris)).toMatchObject({ role: 'member' });
    const reuse = await say(bobur, `/start join_${first}`);
    expect(reuse[reuse.length - 1].text).toBe(
      '❌ Bu taklifdan allaqachon foydalanilgan. Yangi havola soʻrang.',
    );

    // Chris leaves again to be the outsider of this test
    await press(chris, 'hf:L');
    expect(await membership(chris)).toBeUndefined();
    const again = await say(chris, `/start join_${first}`);
    expect(again[again.length - 1].text).toBe('❌ This invite has already been used. Ask for a new link.');

    const { token: old } = await inviteBy(aziza);
    await t.db.query(
      `UPDATE household_invites SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`,
      [hashInviteToken(old)],
    );
    const expired = await say(chris, `/start join_${old}`);
    expect(expired[expired.length - 1].text).toBe('⌛ This invite has expired. Ask for a new link.');
    expect(buttons(expired[expired.length - 1].markup)).toEqual([]);
    const pressedLate = await press(chris, `hf:j:${old}`);
    expect(pressedLate).toMatchObject({
      alert: true,
      toast: '⌛ This invite has expired. Ask for a new link.',
    });

    const { token: revoked } = await inviteBy(aziza);
    const shown = await say(chris, `/start join_${revoked}`);
    expect(buttons(shown[shown.length - 1].markup)).toEqual([[['✅ Join', `hf:j:${revoked}`]]]);
    // only the owner revokes (the button under the link)
    expect(await press(bobur, `hf:x:${revoked}`)).toMatchObject({
      alert: true,
      toast: '⚠️ Buni faqat oila egasi qila oladi.',
    });
    const revoking = await press(aziza, `hf:x:${revoked}`);
    expect(revoking).toMatchObject({
      alert: false,
      toast: '🚫 Приглашение отозвано: по этой ссылке больше не вступить.',
      text: '🚫 Приглашение отозвано: по этой ссылке больше не вступить.',
    });
    expect(await press(aziza, `hf:x:${revoked}`)).toMatchObject({
      alert: true,
      toast: '⚠️ Это приглашение уже использовано, отозвано или истекло.',
    });
    const pressed = await press(chris, `hf:j:${revoked}`);
    expect(pressed).toMatchObject({ alert: true, toast: '❌ This invite has been revoked.' });
    const reopened = await say(chris, `/start join_${revoked}`);
    expect(reopened[reopened.length - 1].text).toBe('❌ This invite has been revoked.');

    const unknown = await say(chris, '/start join_not-a-token');
    expect(unknown[unknown.length - 1].text).toBe('❌ This invite is not valid.');
    expect(await membership(chris)).toBeUndefined();

    const { token: fresh } = await inviteBy(aziza);
    const already = await say(bobur, `/start join_${fresh}`);
    expect(already[already.length - 1].text).toBe(
      '🏠 Siz allaqachon «Каримовы» oilasidasiz. Boshqasiga oʻtish uchun avval undan chiqing: /family',
    );
    const pressedAnyway = await press(bobur, `hf:j:${fresh}`);
    expect(pressedAnyway.alert).toBe(true);
    // the token was not spent: Chris joins with it
    const told = await watch(() => joinWith(chris, fresh));
    expect(told.get(aziza.chatId)).toEqual(['👋 Chris присоединяется к семье «Каримовы».']);
    expect(told.get(bobur.chatId)).toEqual(['👋 Chris «Каримовы» oilasiga qoʻshildi.']);
    expect(told.get(chris.chatId)).toHaveLength(2); // the invitation and nothing else: the card is an edit
  });

  it('each member sets their default wallet and their notification amount', async () => {
    const on = await press(bobur, 'hf:w:1');
    expect(on.toast).toBe('Yangi yozuvlar — oilaga');
    expect(on.text).toContain('Yozuvlaringiz standart boʻyicha: oilaga');
    expect(buttons(on.markup)).toContainEqual([['Standart: oilaga — yoqilgan', 'hf:w:0']]);
    expect(await membership(bobur)).toMatchObject({ records_to_household: true });
    expect(await membership(aziza)).toMatchObject({ records_to_household: false });
    expect((await press(bobur, 'hf:w:0')).toast).toBe('Yangi yozuvlar — shaxsiy');
    expect(await membership(bobur)).toMatchObject({ records_to_household: false });
    await press(bobur, 'hf:w:1');

    const asked = await press(chris, 'hf:o');
    expect(asked.replies.map((r) => r.text)).toEqual([
      '🔔 From what amount shall I tell you of family expenses? Send an amount in UZS, e.g. 500000.\nCancel: /cancel',
    ]);
    expect((await say1(chris, '20 dollars')).text).toBe(
      '❌ Send an amount above zero in UZS, e.g. 500000. Cancel: /cancel',
    );
    const set = await say1(chris, '500 тысяч');
    expect(set.text).toContain(
      "🔔 I'll tell you when someone in the family spends more than 500,000.00 UZS.",
    );
    expect(set.text).toContain('Tell me of family expenses over 500,000.00 UZS');
    expect(buttons(set.markup)).toContainEqual([
      ['🔔 Notify me of expenses over…', 'hf:o'],
      ['🔕 No notifications', 'hf:o:0'],
    ]);
    expect(await membership(chris)).toMatchObject({ notify_over: '500000.00' });
    // the question is answered: the next number is an ordinary phrase again
    await say(chris, '1000');
    expect(await membership(chris)).toMatchObject({ notify_over: '500000.00' });

    const off = await press(chris, 'hf:o:0');
    expect(off.toast).toBe('🔕 Family expense notifications are off.');
    expect(await membership(chris)).toMatchObject({ notify_over: null });
  });

  it('what only the owner may do: a member’s buttons change nothing', async () => {
    const before = await membership(chris);
    for (const data of [
      'hf:i',
      'hf:n',
      'hf:d',
      'hf:D',
      `hf:R:${hex(chris.userId)}`,
      `hf:T:${hex(bobur.userId)}`,
    ]) {
      const answer = await press(bobur, data);
      expect(answer).toMatchObject({ alert: true, toast: '⚠️ Buni faqat oila egasi qila oladi.' });
    }
    expect(await membership(chris)).toEqual(before);
    expect(await membership(aziza)).toMatchObject({ role: 'owner' });

    const rename = await press(aziza, 'hf:n');
    expect(rename.replies.map((r) => r.text)).toEqual([
      '✏️ Напишите новое название семьи (до 100 символов).\nОтмена: /cancel',
    ]);
    expect((await say1(aziza, 'Каримовы и Ко')).text).toContain(
      '✏️ Теперь семья называется «Каримовы и Ко».',
    );
    expect(await membership(bobur)).toMatchObject({ name: 'Каримовы и Ко' });
  });

  it('the owner removes a member after a confirmation; they and the others are told; their old buttons do nothing', async () => {
    const card = await press(aziza, 'hf:v');
    expect(buttons(card.markup)).toContainEqual([
      ['➖ Исключить Chris', `hf:r:${hex(chris.userId)}`],
      ['👑 Передать Chris', `hf:t:${hex(chris.userId)}`],
    ]);
    const ask = await press(aziza, `hf:r:${hex(chris.userId)}`);
    expect(ask.text).toBe('Исключить Chris из семьи? Личные записи останутся у Chris.');
    expect(buttons(ask.markup)).toEqual([
      [
        ['✅ Да, исключить', `hf:R:${hex(chris.userId)}`],
        ['⬅️ Назад', 'hf:v'],
      ],
    ]);
    expect(await membership(chris)).toBeDefined();

    const told = await watch(async () => {
      const done = await press(aziza, `hf:R:${hex(chris.userId)}`);
      expect(done.toast).toBe('➖ Chris больше не в семье.');
      expect(done.text).not.toContain('Chris');
    });
    expect(await membership(chris)).toBeUndefined();
    expect(told.get(chris.chatId)).toEqual([
      '🚪 The owner removed you from the family “Каримовы и Ко”. Your personal records stay with you.',
    ]);
    expect(told.get(bobur.chatId)).toEqual([
      '🚪 Chris endi «Каримовы и Ко» oilasida emas: egasi uni chiqarib yubordi.',
    ]);
    expect(told.has(aziza.chatId)).toBe(false);

    // the removed member's stale buttons: a short answer, nothing changed
    for (const data of ['hf:w:1', 'hf:o', 'hf:l', 'hf:L', 'hf:i']) {
      const answer = await press(chris, data);
      expect(answer).toMatchObject({ alert: true, toast: "⚠️ You're not in a family. Open /family." });
    }
    expect(await membership(chris)).toBeUndefined();
    // pressing remove again on a member who is gone
    const again = await press(aziza, `hf:R:${hex(chris.userId)}`);
    expect(again).toMatchObject({ alert: true, toast: '⚠️ Эта кнопка устарела. Откройте /family.' });
  });

  it('the owner hands ownership over; the new owner is told; the former owner’s buttons are refused', async () => {
    const ask = await press(aziza, `hf:t:${hex(bobur.userId)}`);
    expect(ask.text).toBe('Передать семью Bobur? Владельцем станет Bobur, вы останетесь участником.');
    const told = await watch(async () => {
      const done = await press(aziza, `hf:T:${hex(bobur.userId)}`);
      expect(done.toast).toBe('👑 Теперь владелец — Bobur.');
      expect(
        buttons(done.markup)
          .flat()
          .map((b) => b[1]),
      ).not.toContain('hf:i');
    });
    expect(told.get(bobur.chatId)).toEqual([
      '👑 Endi siz «Каримовы и Ко» oilasining egasisiz. Boshqarish: /family',
    ]);
    expect(await membership(bobur)).toMatchObject({ role: 'owner', owner_id: bobur.userId });
    expect(await membership(aziza)).toMatchObject({ role: 'member' });
    expect(await press(aziza, 'hf:i')).toMatchObject({
      alert: true,
      toast: '⚠️ Это может только владелец семьи.',
    });
    expect(await press(aziza, 'hf:D')).toMatchObject({
      alert: true,
      toast: '⚠️ Это может только владелец семьи.',
    });
    expect(await membership(bobur)).toMatchObject({ role: 'owner' });
  });

  it('a member leaves after a confirmation; the others are told, without any amount', async () => {
    const { token } = await inviteBy(bobur);
    await joinWith(chris, token);
    const ask = await press(chris, 'hf:l');
    expect(ask.text).toBe('Leave the family “Каримовы и Ко”? Your personal records stay with you.');
    const told = await watch(async () => {
      const done = await press(chris, 'hf:L');
      expect(done.text).toBe('🚪 You left the family “Каримовы и Ко”.');
    });
    expect(await membership(chris)).toBeUndefined();
    expect(told.get(aziza.chatId)).toEqual(['🚪 Chris выходит из семьи «Каримовы и Ко».']);
    expect(told.get(bobur.chatId)).toEqual(['🚪 Chris «Каримовы и Ко» oilasidan chiqdi.']);
    expectNoAmounts(told.get(aziza.chatId));
    expectNoAmounts(told.get(bobur.chatId));
  });

  it('a member who erases their data (/deletemydata) leaves, and the others are told', async () => {
    const { token } = await inviteBy(bobur);
    await joinWith(chris, token);
    await say(chris, 'taxi 20000'); // a record of their own
    const asked = await say1(chris, '/deletemydata');
    const confirm = buttons(asked.markup)
      .flat()
      .find((b) => String(b[1]).startsWith('del:yes:'));
    const told = await watch(() => press(chris, String(confirm![1])));
    expect(told.get(aziza.chatId)).toEqual([
      '🚪 Chris удаляет свои данные и выходит из семьи «Каримовы и Ко».',
    ]);
    expect(told.get(bobur.chatId)).toEqual([
      '🚪 Chris maʼlumotlarini oʻchirdi va «Каримовы и Ко» oilasidan chiqdi.',
    ]);
    expectNoAmounts(told.get(aziza.chatId));
    expectNoAmounts(told.get(bobur.chatId));
    expect((await t.db.query('SELECT 1 FROM users WHERE id = $1', [chris.userId])).length).toBe(0);
  });

  it('an owner who erases their data hands the household to the longest-standing member, who is told', async () => {
    const asked = await say1(bobur, '/deletemydata');
    const confirm = buttons(asked.markup)
      .flat()
      .find((b) => String(b[1]).startsWith('del:yes:'));
    const told = await watch(() => press(bobur, String(confirm![1])));
    expect(told.get(aziza.chatId)).toEqual([
      '🚪 Bobur удаляет свои данные и выходит из семьи «Каримовы и Ко».\nТеперь владелец — вы. Управление: /family',
    ]);
    expect(await membership(aziza)).toMatchObject({ role: 'owner', owner_id: aziza.userId });
  });

  it('someone new opens the link, joins; the owner dissolves the household after a confirmation; the members are told', async () => {
    // Dina's first message to the bot is the invite link: /start makes her user and welcomes her, then the invitation
    const dina: Person = { chatId: ++nextChatId, userId: '', name: 'Dina', lang: 'en' };
    const { token } = await inviteBy(aziza);
    const opened = await say(dina, `/start join_${token}`);
    expect(opened.map((r) => r.text)).toEqual([
      expect.stringContaining('OvozPay'),
      '👋 Aziza invites you to the family “Каримовы и Ко”.\nThe family sees shared records only; your personal ones stay yours.',
    ]);
    dina.userId = (await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [dina.chatId]))[0].id;
    expect((await press(dina, `hf:j:${token}`)).toast).toBe('🎉 You are in the family “Каримовы и Ко”!');
    const ask = await press(aziza, 'hf:d');
    expect(ask.text).toBe(
      'Распустить семью «Каримовы и Ко»? Все участники выйдут из неё; личные записи у каждого останутся.',
    );
    const told = await watch(async () => {
      const done = await press(aziza, 'hf:D');
      expect(done.text).toBe('🗑 Семья «Каримовы и Ко» распущена.');
    });
    expect(told.get(dina.chatId)).toEqual([
      '🏠 Aziza dissolved the family “Каримовы и Ко”. Your personal records stay with you.',
    ]);
    expect(told.has(aziza.chatId)).toBe(false);
    expect(await membership(aziza)).toBeUndefined();
    expect(await membership(dina)).toBeUndefined();
    expect((await press(dina, 'hf:w:1')).toast).toBe("⚠️ You're not in a family. Open /family.");
  });
});
