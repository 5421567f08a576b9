/**
 * Property-based fuzzing (fast-check, bounded run counts so CI stays fast; FUZZ_RUNS raises them):
 * - the webhook with random Update-shaped JSON and random texts: never a 5xx, and the app stays healthy;
 * - the phrase parser: never throws, and every amount is an exact decimal (bigint minor units, no float artefacts).
 */
import fc from 'fast-check';
import { parsePhrase, toParseJson } from '../../src/modules/nlu';
import { startTestApp, TestApp } from '../helpers/test-app';
import { postUpdate, textUpdate } from '../helpers/updates';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const PARSER_RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** Words the parser reacts to, mixed with arbitrary strings so the fuzzer reaches the interesting paths. */
const WORDS = [
  '50000',
  '5 млн',
  'сум',
  'so‘m',
  'dollar',
  '$',
  'кофе',
  'taksi',
  'зарплата',
  'вчера',
  'kecha',
  'yesterday',
  '1,5',
  '1.500.000',
  'ming',
  'тысяч',
  '/start',
  '/balance',
  '/help',
  '/phone',
  '+998901234567',
  'минус',
  '-',
  '0',
  '0.001',
  '99999999999999999999',
  '١٢٣',
  '５０',
];
const phrase = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 12 })
    .map((ws) => ws.join(' ')),
);

const chatId = fc.integer({ min: 1, max: 2 ** 40 });
const user = fc.record(
  {
    id: chatId,
    is_bot: fc.boolean(),
    first_name: fc.string({ maxLength: 20 }),
    language_code: fc.option(fc.constantFrom('ru', 'uz', 'en', 'de', ''), { nil: undefined }),
  },
  { requiredKeys: ['id'] },
);
const chat = fc.record({
  id: fc.oneof(chatId, fc.integer({ min: -(2 ** 40), max: -1 })),
  type: fc.constantFrom('private', 'group', 'supergroup', 'channel', 'weird'),
});
const message = fc.record(
  {
    message_id: fc.nat(),
    from: user,
    chat,
    date: fc.nat(),
    text: phrase,
    entities: fc.array(
      fc.record({
        type: fc.constantFrom('bot_command', 'bold', 'url'),
        offset: fc.integer({ min: -5, max: 50 }),
        length: fc.integer({ min: -5, max: 50 }),
      }),
      { maxLength: 3 },
    ),
    contact: fc.record({
      phone_number: fc.string({ maxLength: 20 }),
      user_id: fc.option(chatId, { nil: undefined }),
    }),
    voice: fc.record({
      file_id: fc.string({ maxLength: 10 }),
      duration: fc.integer({ min: -1, max: 100_000 }),
      file_size: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  { requiredKeys: ['message_id', 'chat', 'date'] },
);
const callbackQuery = fc.record(
  {
    id: fc.string({ maxLength: 10 }),
    from: user,
    data: fc.oneof(fc.string({ maxLength: 64 }), fc.constantFrom('undo:1', 'cat:x', 'amt:5')),
    message: fc.option(message, { nil: undefined }),
    chat_instance: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['id', 'from'] },
);
const myChatMember = fc.record({
  chat,
  from: user,
  date: fc.nat(),
  old_chat_member: fc.record({ status: fc.constantFrom('member', 'kicked', 'left') }),
  new_chat_member: fc.record({ status: fc.constantFrom('member', 'kicked', 'left', 'administrator') }),
});

let nextUpdateId = 3_000_000;
const updateShaped = fc.oneof(
  fc.record({ message }),
  fc.record({ edited_message: message }),
  fc.record({ callback_query: callbackQuery }),
  fc.record({ my_chat_member: myChatMember }),
  fc.record({ channel_post: message }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.record({ message: fc.jsonValue({ maxDepth: 4 }) }),
);

describe('security: fuzzing the webhook (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(`random Update-shaped JSON (${RUNS} runs): never a 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(updateShaped, async (body) => {
        const res = await postUpdate(t, { ...body, update_id: nextUpdateId++ });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    await t.http.get('/health/').expect(200);
  });

  it(`random texts in private chats (${RUNS} runs): 200 every time, the app still healthy and answering`, async () => {
    await fc.assert(
      fc.asyncProperty(phrase, fc.integer({ min: 1, max: 2 ** 40 }), async (text, chat) => {
        const res = await postUpdate(t, textUpdate(nextUpdateId++, chat, text));
        expect(res.status).toBe(200);
      }),
      { numRuns: RUNS },
    );
    await t.http.get('/health/').expect(200);
    t.telegram.reset();
    await postUpdate(t, textUpdate(nextUpdateId++, 424_242, 'кофе 18000')).expect(200);
    expect(t.telegram.textsTo(424_242).join('\n')).toContain('18,000.00');
  });

  it('random raw bodies (not even JSON): 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 5 })), async (raw) => {
        const res = await postUpdate(t, raw);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('security: fuzzing the phrase parser', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const opts = fc.record({
    language: fc.constantFrom('ru', 'uz', 'en', 'auto') as fc.Arbitrary<'ru' | 'uz' | 'en' | 'auto'>,
    defaultCurrency: fc.constantFrom('UZS', 'USD', 'EUR', 'RUB') as fc.Arbitrary<'UZS'>,
    now: fc.constant(now),
    timeZone: fc.constantFrom('Asia/Tashkent', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'),
  });

  it(`never throws, and every amount is an exact decimal string of its bigint minor units (${PARSER_RUNS} runs)`, () => {
    fc.assert(
      fc.property(phrase, opts, (text, o) => {
        const result = parsePhrase(text, o);
        const json = toParseJson(result);
        for (const [i, item] of result.items.entries()) {
          if (item.amountMinor === null) {
            expect(json.items[i].amount).toBeNull();
            continue;
          }
          expect(typeof item.amountMinor).toBe('bigint');
          expect(item.amountMinor > 0n).toBe(true);
          const amount = json.items[i].amount!;
          expect(amount).toMatch(/^\d+\.\d{2}$/);
          expect(BigInt(amount.replace('.', ''))).toBe(item.amountMinor);
          expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: PARSER_RUNS },
    );
  });

  it('never throws on hostile input types either', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (text, o) => {
        expect(() => parsePhrase(text as string, o as never)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['кофе 18000', '18000.00'],
    ['1,5 млн сум зарплата', '1500000.00'],
    ['taksi 0.1 dollar', '0.10'],
    ['такси 1234567890123.45', '1234567890123.45'],
    ['такси 999999.99', '999999.99'],
  ])('exact decimals, no float rounding: %s → %s', (text, amount) => {
    expect(toParseJson(parsePhrase(text, { defaultCurrency: 'UZS', now })).items[0]?.amount).toBe(amount);
  });
});
