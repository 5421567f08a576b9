/**
 * The Telegram Bot API answering 429 (with retry_after) and 5xx: replies are retried within bounds, none is lost,
 * and every update is still recorded once.
 */
import { FakeApiError } from '../fakes/fake-telegram';
import { startTestApp, TestApp } from '../helpers/test-app';
import { effectsPerUpdate, sendAll } from './helpers';
import { scaled } from './scale';

const N = scaled(40, 300);
const chatOf = (id: number) => 7_200_000 + (id % 7);

describe('resilience: Bot API 429 and 5xx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(`${N} updates while every other sendMessage gets 429 retry_after=1 or a 502: every reply delivered, every update once`, async () => {
    let calls = 0;
    const failures = { 429: 0, 502: 0 };
    t.telegram.on('sendMessage', (call) => {
      calls++;
      if (calls % 4 === 1) {
        failures[429]++;
        throw new FakeApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
      }
      if (calls % 4 === 3) {
        failures[502]++;
        throw new FakeApiError(502, 'Bad Gateway');
      }
      return {
        message_id: calls,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(call.params.chat_id), type: 'private' },
        text: call.params.text,
      };
    });
    const ids = Array.from({ length: N }, (_, i) => 8_100_000 + i);
    const statuses = await sendAll(() => t, ids, 8, chatOf);
    expect([...statuses.values()].every((s) => s === 200)).toBe(true);
    expect(failures[429]).toBeGreaterThan(0);
    expect(failures[502]).toBeGreaterThan(0);

    // Every update got exactly one successful reply: a failed attempt + its successful retry per failure.
    const attempts = t.telegram.sent('sendMessage').length;
    expect(attempts - failures[429] - failures[502]).toBe(N);
    const effects = await effectsPerUpdate(t, ids);
    expect([...effects.values()].every((n) => n === 1)).toBe(true);
  });

  it('a reply that keeps failing with 5xx gives up within bounds: the update is still answered 200 and recorded', async () => {
    t.telegram.on('sendMessage', () => {
      throw new FakeApiError(500, 'Internal Server Error');
    });
    t.telegram.reset();
    const started = Date.now();
    const statuses = await sendAll(() => t, [8_200_000], 1, chatOf);
    expect(statuses.get(8_200_000)).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    // attempts: the reply (4) and the apology (4): bounded, not endless
    expect(t.telegram.sent('sendMessage').length).toBeLessThanOrEqual(8);
    expect((await effectsPerUpdate(t, [8_200_000])).get(8_200_000)).toBe(1);
  });

  it('a 400 (e.g. chat not found) is not retried', async () => {
    t.telegram.on('sendMessage', () => {
      throw new FakeApiError(400, 'Bad Request: chat not found');
    });
    t.telegram.reset();
    await sendAll(() => t, [8_300_000], 1, chatOf);
    expect(t.telegram.sent('sendMessage').length).toBeLessThanOrEqual(2); // the reply and the apology, once each
  });
});
