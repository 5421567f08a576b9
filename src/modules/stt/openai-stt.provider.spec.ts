import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { FakeStt, openAiError, SttRequest, voiceFixtures } from '../../../test/fakes/fake-stt';
import { OpenAiSpeechToText, OpenAiSttOptions, parseRetryAfter } from './openai-stt.provider';
import { SttError } from './stt.errors';
import { SpeechInput } from './stt.port';
import { TRANSCRIPTION_PROMPTS } from './stt.prompts';

const API_KEY = 'sk-test-0123456789abcdef';
const fixtures = voiceFixtures();
const ru = fixtures.find((f) => f.file === 'ru-groceries.ogg')!;

const voice = (f = ru): SpeechInput => ({
  audio: f.bytes,
  fileName: 'file_17.oga',
  mimeType: 'audio/ogg',
  language: f.language,
  durationSeconds: Math.ceil(f.duration_seconds),
});

describe('OpenAI-compatible speech-to-text', () => {
  const fake = new FakeStt();
  const provider = (options: Partial<OpenAiSttOptions> = {}) =>
    new OpenAiSpeechToText({
      baseUrl: fake.url,
      apiKey: API_KEY,
      model: 'whisper-1',
      backoffMs: 5,
      random: () => 0,
      ...options,
    });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as SttError,
    );

  const warnings: string[] = [];
  beforeAll(async () => {
    jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void warnings.push(String(message)));
    await fake.start();
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it.each(fixtures.map((f) => [f.file, f] as const))(
    'sends %s unchanged with model, language and prompt, and returns the text',
    async (_file, f) => {
      const transcript = await provider().transcribe(voice(f));
      expect(transcript).toEqual({ text: f.phrase });
      expect(fake.requests).toHaveLength(1);
      const [req] = fake.requests;
      expect(req).toEqual<SttRequest>({
        model: 'whisper-1',
        language: f.language,
        prompt: TRANSCRIPTION_PROMPTS[f.language],
        responseFormat: 'json',
        fileName: 'file_17.oga',
        mimeType: 'audio/ogg',
        bytes: f.bytes,
        authorization: `Bearer ${API_KEY}`,
      });
      expect(req.bytes.equals(f.bytes)).toBe(true);
    },
  );

  it('sends no Authorization header without a key and accepts a base URL with a trailing slash', async () => {
    await provider({ apiKey: undefined, baseUrl: `${fake.url}/` }).transcribe(voice());
    expect(fake.requests[0].authorization).toBeUndefined();
  });

  it('trims the transcript', async () => {
    fake.respond = () => '  Потратил 50000 сум на продукты.\n';
    expect(await provider().transcribe(voice())).toEqual({ text: 'Потратил 50000 сум на продукты.' });
  });

  it.each([
    [
      400,
      'Audio file is too short. Minimum audio length is 0.1 seconds.',
      /HTTP 400 Audio file is too short/,
    ],
    [
      401,
      `Incorrect API key provided: ${API_KEY}.`,
      /HTTP 401 Incorrect API key provided: \[redacted\]\. - check STT_API_KEY/,
    ],
    [403, 'Country, region, or territory not supported', /HTTP 403 .* - check STT_API_KEY/],
    [404, 'The model `whisper-9` does not exist', /HTTP 404 .* - check STT_BASE_URL and STT_MODEL/],
    [413, 'Maximum content size limit (26214400) exceeded', /HTTP 413 .* - the voice note is too large/],
    [415, 'Unsupported media type', /HTTP 415 .* - the audio format is not accepted/],
  ])(
    'HTTP %i is final: SttError rejected, not retryable, a clear message without the key',
    async (status, message, expected) => {
      fake.respond = () => openAiError(status, message);
      const error = await failure(provider().transcribe(voice()));
      expect(error).toBeInstanceOf(SttError);
      expect(error).toMatchObject({ kind: 'rejected', retryable: false, status });
      expect(error!.message).toMatch(expected);
      expect(error!.message).not.toContain(API_KEY);
      expect(fake.requests).toHaveLength(1);
    },
  );

  it('the fake itself refuses what the real API refuses: a non-Ogg file → rejected', async () => {
    const error = await failure(
      provider().transcribe({ ...voice(), audio: Buffer.from('RIFF0000WAVEfmt ') }),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
    expect(error!.message).toMatch(/could not be decoded as Ogg\/Opus/);
  });

  it('a 200 answer without a text field is refused with a hint about STT_BASE_URL', async () => {
    fake.respond = () => ({ status: 200, body: '<html>proxy login</html>' });
    const error = await failure(provider().transcribe(voice()));
    expect(error).toMatchObject({ kind: 'rejected', retryable: false });
    expect(error!.message).toMatch(/STT_BASE_URL/);
  });

  it.each([429, 500, 502, 503])('retries HTTP %i and succeeds on a later attempt', async (status) => {
    let calls = 0;
    fake.respond = (req) => (++calls < 3 ? openAiError(status, 'busy') : fake.phraseFor(req.bytes));
    expect(await provider().transcribe(voice())).toEqual({ text: ru.phrase });
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after the configured attempts: SttError unavailable, retryable; the key never reaches a log line', async () => {
    warnings.length = 0;
    fake.respond = () => openAiError(503, `The engine is currently overloaded (key ${API_KEY})`);
    const error = await failure(provider({ attempts: 3 }).transcribe(voice()));
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status: 503 });
    expect(error!.message).toMatch(
      /HTTP 503 \(The engine is currently overloaded \(key \[redacted\]\)\) after 3 attempts/,
    );
    expect(fake.requests).toHaveLength(3);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^transcription attempt 1\/3 failed \(answered HTTP 503 .*\); retrying in \d+ ms$/,
    );
    expect(warnings.join('\n')).not.toContain(API_KEY);
  });

  it('waits out Retry-After (seconds) before the next attempt', async () => {
    const at: number[] = [];
    fake.respond = (req) => {
      at.push(Date.now());
      return at.length === 1 ? openAiError(429, 'Rate limit reached', 1) : fake.phraseFor(req.bytes);
    };
    expect(await provider().transcribe(voice())).toEqual({ text: ru.phrase });
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
  });

  it('does not sit out a Retry-After longer than it waits in-process: fails at once, retryable, with the wait', async () => {
    fake.respond = () => openAiError(429, 'Rate limit reached', 120);
    const error = await failure(provider({ maxRetryAfterMs: 30_000 }).transcribe(voice()));
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status: 429, retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(1);
  });

  it('a slow attempt times out and is retried; all slow → SttError timeout, retryable', async () => {
    let calls = 0;
    fake.respond = async (req) => {
      if (++calls === 1) await new Promise((r) => setTimeout(r, 400));
      return fake.phraseFor(req.bytes);
    };
    expect(await provider({ timeoutMs: 150 }).transcribe(voice())).toEqual({ text: ru.phrase });
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.respond = () => new Promise((r) => setTimeout(() => r('late'), 400));
    const started = Date.now();
    const error = await failure(provider({ timeoutMs: 100, attempts: 2 }).transcribe(voice()));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error!.message).toMatch(/did not answer within 100 ms after 2 attempts/);
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(380);
  });

  it('retries network errors, then SttError unavailable naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await failure(
      provider({ baseUrl: `http://127.0.0.1:${port}/v1`, attempts: 2 }).transcribe(voice()),
    );
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(error!.message).toMatch(/could not be reached \(ECONNREFUSED\) after 2 attempts/);
  });

  it('stops at once when the caller aborts, without further attempts', async () => {
    fake.respond = () => new Promise((r) => setTimeout(() => r('late'), 1_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(provider({ timeoutMs: 5_000 }).transcribe(voice(), controller.signal));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, message: 'transcription was cancelled' });
    expect(Date.now() - started).toBeLessThan(800);
    expect(fake.requests).toHaveLength(1);

    const aborted = AbortSignal.abort();
    expect(await failure(provider().transcribe(voice(), aborted))).toMatchObject({ kind: 'timeout' });
  });
});

describe('backoff and Retry-After', () => {
  it.each([
    // attempt, random, expected delay (base 500 ms, cap 8 s, jitter scales by 0.5…1)
    [1, 0, 250],
    [1, 0.999999, 500],
    [2, 0, 500],
    [3, 0.5, 1_500],
    [5, 0.999999, 8_000],
    [10, 0, 4_000],
  ])('retry after attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    const stt = new OpenAiSpeechToText({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'whisper-1',
      random: () => random,
    });
    expect(stt.backoff(attempt)).toBe(expected);
  });

  const now = Date.parse('2026-11-29T10:00:00Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['3', 3_000],
    ['0', 0],
    ['1.5', 1_500],
    ['Sun, 29 Nov 2026 10:00:20 GMT', 20_000],
    ['Sun, 29 Nov 2026 09:59:00 GMT', 0],
    ['soon', undefined],
  ])('Retry-After %p → %p ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('transcription prompts', () => {
  it.each([
    ['ru', ['сум', 'доллар', 'рубль', 'евро', 'тысяча', 'тыщ', 'миллион']],
    ['uz', ["so'm", 'dollar', 'ming', 'million']],
    ['en', ['sum', 'dollars', 'thousand', 'million']],
  ] as const)('the %s prompt names the currencies and number words', (language, words) => {
    const prompt = TRANSCRIPTION_PROMPTS[language].toLowerCase();
    for (const word of words) expect(prompt).toContain(word);
  });
});
