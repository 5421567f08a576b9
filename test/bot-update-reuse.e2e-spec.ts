/**
 * Telegram restarts update_id at a random value after a week without updates, so an id the guard has long
 * forgotten can come back in another chat. Its phrase must be recorded, not swallowed as a duplicate.
 */
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { messageUpdate } from './helpers/updates';

const textUpdate = (updateId: number, chatId: number, text: string) =>
  messageUpdate(updateId, chatId, { text }, { firstName: 'Ali' });

describe('a reused update_id (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const send = (body: object) =>
    t.http
      .post('/telegram/webhook/')
      .set('X-Telegram-Bot-Api-Secret-Token', TEST_WEBHOOK_SECRET)
      .send(body)
      .expect(200);
  const amounts = async (chatId: number): Promise<string[]> =>
    (
      await t.db.query(
        `SELECT t.amount FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1 ORDER BY t.created_at`,
        [chatId],
      )
    ).map((r: { amount: string }) => r.amount);

  it('records the phrase of another chat that arrives with an id already used (after the guard forgot it)', async () => {
    await send(textUpdate(900_001, 7001, 'такси 22000'));
    expect(await amounts(7001)).toEqual(['22000.00']);
    await t.db.query('DELETE FROM processed_updates'); // what a week's purge does

    t.telegram.reset();
    await send(textUpdate(900_001, 7002, 'обед 45000'));
    expect(await amounts(7002)).toEqual(['45000.00']);
    expect(await amounts(7001)).toEqual(['22000.00']);
    const [reply] = t.telegram.textsTo(7002);
    expect(reply).toContain('45,000.00 UZS');
    expect(reply).not.toContain('22,000.00');
  });

  it('still records a redelivery of the same update once', async () => {
    await send(textUpdate(900_010, 7003, 'кофе 18000'));
    await send(textUpdate(900_010, 7003, 'кофе 18000'));
    expect(await amounts(7003)).toEqual(['18000.00']);
  });
});
