/**
 * The household wallet in private chats, through the real webhook (docs/households.md, "Whose money"): a member's
 * record reply says where the record went and offers to move it; the button moves every row of that message, and a
 * member who has left gets a short answer and changes nothing. Someone in no household sees the replies as before.
 */
import { accessTokenFor } from './helpers/auth';
import { BotChat, buttons } from './helpers/bot-chat';
import { startTestApp, TestApp } from './helpers/test-app';
import { TransactionsService } from '../src/modules/transactions/transactions.service';
import { HouseholdsService } from '../src/modules/households/households.service';
import { HouseholdExpenseNotifier } from '../src/modules/notifications/household-expense-notifier';

describe('household wallet in the private chat (e2e, webhook)', () => {
  let t: TestApp;
  let alice: BotChat; // owner
  let bob: BotChat; // member
  let carol: BotChat; // in no household
  const token = async (chat: BotChat) => ({
    Authorization: `Bearer ${(await accessTokenFor(t, chat.chatId)).token}`,
  });
  const walletOf = async (id: string): Promise<string | null> =>
    (await t.db.query(`SELECT household_id FROM transactions WHERE id = $1`, [id]))[0].household_id;

  beforeAll(async () => {
    t = await startTestApp();
    alice = new BotChat(t, 971_000_001, 'ru');
    bob = new BotChat(t, 971_000_002, 'ru');
    carol = new BotChat(t, 971_000_003, 'ru');
    for (const chat of [alice, bob, carol]) await chat.start();
    await t.http
      .post('/api/households/')
      .set(await token(alice))
      .send({ name: 'Oila' })
      .expect(201);
    const invite = await t.http
      .post('/api/households/current/invites/')
      .set(await token(alice))
      .expect(201);
    await t.http
      .post('/api/households/join/')
      .set(await token(bob))
      .send({ token: invite.body.token })
      .expect(200);
  });
  afterAll(() => t?.close());

  it('someone in no household: the reply and its buttons as before', async () => {
    const answer = await carol.send('такси 20000');
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0].text).not.toMatch(/Личное|семей/);
    expect(buttons(answer.replies[0].markup)).toEqual([
      [
        ['↩️ Отменить', `u:${answer.updateId}`],
        ['🏷 Категория', `c:${answer.updateId}`],
      ],
    ]);
  });

  it("a member's record: personal by default, and the button moves the whole message to the family and back", async () => {
    const answer = await bob.send('хлеб 8000, молоко 12000');
    const reply = answer.replies[0];
    expect(reply.text).toMatch(/🔒 Личное: видно только вам$/);
    expect(buttons(reply.markup)[1]).toEqual([['👨‍👩‍👧 В семью', `w:${answer.updateId}:h`]]);
    const rows = await bob.rowsOf(answer.updateId);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(await walletOf(r.id)).toBeNull();

    const moved = await bob.press(`w:${answer.updateId}:h`);
    expect(moved.toast).toBe('Перенесено в семейный кошелёк');
    expect(moved.edit).toMatch(/👨‍👩‍👧 В семейном кошельке$/);
    expect(buttons(moved.markup)[1]).toEqual([['🔒 В личное', `w:${answer.updateId}:p`]]);
    const household = await t.http
      .get('/api/transactions/?wallet=household')
      .set(await token(alice))
      .expect(200);
    expect(household.body.results.map((r: { amount: string }) => r.amount).sort()).toEqual([
      '12000.00',
      '8000.00',
    ]);

    const back = await bob.press(`w:${answer.updateId}:p`);
    expect(back.toast).toBe('Перенесено в личное');
    for (const r of rows) expect(await walletOf(r.id)).toBeNull();
    expect((await t.http.get('/api/transactions/?wallet=household').set(await token(alice))).body.count).toBe(
      0,
    );
  });

  it("another member cannot press a member's button: their own update id names none of their rows", async () => {
    const answer = await bob.send('сок 9000');
    const pressed = await alice.press(`w:${answer.updateId}:h`);
    expect(pressed.alert).toBe(true);
    const [row] = await bob.rowsOf(answer.updateId);
    expect(await walletOf(row.id)).toBeNull();
  });

  it('a phrase that says "в семью" records to the family at once', async () => {
    const answer = await bob.send('продукты 50000 в семью');
    expect(answer.replies[0].text).toMatch(/^✅/);
    expect(answer.replies[0].text).toMatch(/👨‍👩‍👧 В семейном кошельке$/);
    const [row] = await bob.rowsOf(answer.updateId);
    expect(row).toMatchObject({ amount: '50000.00', category: 'groceries', description: 'продукты' });
    expect(await walletOf(row.id)).not.toBeNull();
  });

  it('"в семью" from someone in no household: recorded as their own, and the reply says why', async () => {
    const answer = await carol.send('такси 10000 в семью');
    expect(answer.replies[0].text).toMatch(/Вы не в семье, записал в личное/);
    const [row] = await carol.rowsOf(answer.updateId);
    expect(row.amount).toBe('10000.00');
    expect(await walletOf(row.id)).toBeNull();
  });

  it("/balance of a member: their own, then the family's totals and each member's expenses, never another's personal records", async () => {
    await alice.send('аренда 3000000 в семью');
    const own = await bob.send('кино 77000');
    expect(own.replies[0].text).toMatch(/Личное/);
    const answer = await alice.send('/balance');
    const text = answer.replies[0].text;
    expect(text).toContain('👨‍👩‍👧 Семья «Oila»');
    expect(text).toContain('⚖️ Семейный баланс:');
    expect(text).toContain('• -3,050,000.00 UZS');
    expect(text).toMatch(/👥 Расходы по членам семьи:\n• .*: 3,000,000\.00 UZS\n• .*: 50,000\.00 UZS/);
    expect(text).not.toContain('77,000.00');
    const family = await alice.send('семейный баланс');
    expect(family.replies[0].text).toMatch(/^👨‍👩‍👧 Семья «Oila»\n⚖️ Семейный баланс:/);
    expect((await carol.send('/balance')).replies[0].text).not.toContain('Семья');
    expect((await carol.send('семейный баланс')).replies[0].text).toBe(
      'Вы пока не в семье. Создать семью или вступить: /family',
    );
  });

  it('household spending questions answer from the family wallet', async () => {
    const answer = await alice.send('сколько семья потратила на продукты в этом месяце');
    expect(answer.replies[0].text).toMatch(/^👨‍👩‍👧 Семья «Oila»\n/);
    expect(answer.replies[0].text).toContain('50,000.00 UZS');
    const own = await alice.send('сколько я потратил на продукты в этом месяце');
    expect(own.replies[0].text).not.toContain('Семья');
    expect(own.replies[0].text).not.toContain('50,000.00');
  });

  it("/stats: a member switches to the family's chart with each member's expenses", async () => {
    const answer = await alice.send('/stats');
    const personal = answer.replies[0];
    expect(buttons(personal.markup).at(-1)).toEqual([['👨‍👩‍👧 Семья', 'sf:month']]);
    const pressed = await alice.press('sf:month');
    const photo = pressed.calls.find((c) => c.method === 'sendPhoto');
    expect(photo).toBeDefined();
    const caption = String(photo!.params.caption);
    expect(caption).toMatch(/^👨‍👩‍👧 Семья «Oila»\n/);
    // then the household's month-end forecast (docs/forecast.md): its balance, no rules or budgets
    expect(caption).toMatch(
      /👥 Расходы по членам семьи:\n• .*: 3,000,000\.00 UZS\n• .*: 50,000\.00 UZS\n\n🔮 Прогноз на \d\d\.\d\d: -3,050,000 UZS = баланс -3,050,000 \+ доходы 0 − платежи 0 − бюджеты 0$/,
    );
    expect(caption).not.toContain('77,000.00');
    const typed = await alice.send('/stats семья');
    expect(typed.replies[0].text).toMatch(/^👨‍👩‍👧 Семья «Oila»/);
    expect((await carol.send('/stats семья')).replies[0].text).toMatch(/Вы пока не в семье/);
    expect(buttons((await carol.send('/stats')).replies[0].markup)).toHaveLength(2);
  });

  it('family questions about food or a word answer from the family wallet too', async () => {
    const food = await alice.send('сколько семья потратила на еду в этом месяце');
    expect(food.replies[0].text).toMatch(/^👨‍👩‍👧 Семья «Oila»\n/);
    expect(food.replies[0].text).toContain('50,000.00 UZS');
    const word = await alice.send('сколько семья потратила на продукты за месяц');
    expect(word.replies[0].text.match(/Семья «Oila»/g)).toHaveLength(1);
  });

  it('"в семью" with a currency question: the chosen currency records to the family', async () => {
    await t.http
      .patch('/api/users/me/')
      .set(await token(alice))
      .send({ currency: 'USD' })
      .expect(200);
    const asked = await alice.send('такси 40 тыс в семью');
    const pick = buttons(asked.replies[0].markup)
      .flat()
      .find(([, data]) => data.endsWith(':UZS'));
    expect(pick).toBeDefined();
    const pressed = await alice.press(pick![1]);
    expect(pressed.edit).toMatch(/👨‍👩‍👧 В семейном кошельке$/);
    const [row] = await alice.rowsOf(asked.updateId);
    expect(row).toMatchObject({ amount: '40000.00', currency: 'UZS' });
    expect(await walletOf(row.id)).not.toBeNull();
    await t.http
      .delete(`/api/transactions/${row.id}/`)
      .set(await token(alice))
      .expect(204);
    await t.http
      .patch('/api/users/me/')
      .set(await token(alice))
      .send({ currency: 'UZS' })
      .expect(200);
  });

  it("expense notifications: a member hears of another's family expense over their threshold, and only that", async () => {
    const households = t.app.get(HouseholdsService);
    const notifier = t.app.get(HouseholdExpenseNotifier);
    await households.setNotifyOver(alice.userId, 500_000_00n);
    const toAlice = () => t.telegram.textsTo(alice.chatId).filter((m) => m.includes('записал(а) в семью'));
    const before = toAlice().length;
    await bob.send('продукты 600000 в семью');
    await bob.send('хлеб 9000 в семью'); // under the threshold
    await bob.send('телефон 900000'); // personal: never told
    await alice.send('мебель 2000000 в семью'); // her own: never told
    await notifier.settled();
    const told = toAlice().slice(before);
    expect(told).toEqual([
      expect.stringMatching(
        /^👨‍👩‍👧 .* записал\(а\) в семью «Oila»: 600,000\.00 UZS — Продукты, продукты\n\(больше 500,000\.00 UZS; порог: \/family\)$/,
      ),
    ]);
    // The same update recorded again (a redelivery reaching the service) is not a new record: told once.
    const service = t.app.get(TransactionsService);
    const item = {
      type: 'expense' as const,
      amountMinor: 700_000_00n,
      currency: 'UZS',
      category: 'groceries',
      description: 'сыр',
      occurredAt: new Date(),
    };
    for (let i = 0; i < 2; i++)
      await service.recordMany(bob.userId, [item], {
        kind: 'text',
        updateId: 88_000_001n,
        wallet: 'household',
      });
    await notifier.settled();
    expect(toAlice().slice(before)).toHaveLength(2);
    await households.setNotifyOver(alice.userId, null);
  });

  it('a member who has left: the old button answers shortly and moves nothing', async () => {
    const answer = await bob.send('кофе 15000');
    const [row] = await bob.rowsOf(answer.updateId);
    await t.http
      .post('/api/households/current/leave/')
      .set(await token(bob))
      .expect(204);
    const pressed = await bob.press(`w:${answer.updateId}:h`);
    expect(pressed.alert).toBe(true);
    expect(await walletOf(row.id)).toBeNull();
    const after = await bob.send('чай 5000');
    expect(after.replies[0].text).not.toMatch(/Личное|семей/);
    expect(buttons(after.replies[0].markup)).toHaveLength(1);
  });
});
