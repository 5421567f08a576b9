import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { voiceFixtures } from '../../../test/fakes/fake-stt';
import { SttError } from './stt.errors';
import { SpeechInput } from './stt.port';
import { TRANSCRIPTION_PROMPTS } from './stt.prompts';
import { WhisperBindingLike, WhisperContextLike, WhisperCppSpeechToText } from './whisper-cpp-stt.provider';

const fixtures = voiceFixtures();
const byFile = (file: string) => fixtures.find((f) => f.file === file)!;
const voice = (file: string): SpeechInput => {
  const f = byFile(file);
  return {
    audio: f.bytes,
    fileName: 'file_3.oga',
    mimeType: 'audio/ogg',
    language: f.language,
    durationSeconds: Math.ceil(f.duration_seconds),
  };
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as SttError,
  );

/** A stand-in for @fugood/whisper.node that records what the provider hands to whisper.cpp. */
function fakeBinding(options: { delayMs?: number; failInit?: number; reject?: Error; text?: string } = {}) {
  const calls = {
    loads: 0,
    inits: [] as string[],
    transcriptions: [] as Array<{ samples: number; language?: string; prompt?: string; peak: number }>,
    released: 0,
    stopped: 0,
    active: 0,
    maxActive: 0,
  };
  let failures = options.failInit ?? 0;
  const context: WhisperContextLike = {
    transcribeData(pcm, opts) {
      const samples = new Int16Array(pcm);
      calls.transcriptions.push({
        samples: samples.length,
        language: opts.language,
        prompt: opts.prompt,
        peak: Math.max(...samples.map(Math.abs)),
      });
      calls.active++;
      calls.maxActive = Math.max(calls.maxActive, calls.active);
      let aborted = false;
      const promise = new Promise<{ result: string; isAborted: boolean }>((resolve, reject) =>
        setTimeout(() => {
          calls.active--;
          if (options.reject) reject(options.reject);
          else
            resolve({
              result: aborted ? '' : ` ${options.text ?? `text ${calls.transcriptions.length}`} `,
              isAborted: aborted,
            });
        }, options.delayMs ?? 20),
      );
      return { promise, stop: async () => void (calls.stopped++, (aborted = true)) };
    },
    release: async () => void calls.released++,
  };
  const binding: WhisperBindingLike = {
    initWhisper: async ({ filePath }) => {
      calls.inits.push(filePath);
      if (failures-- > 0) throw new Error('Failed to initialize whisper context');
      return context;
    },
  };
  const loadBinding = async () => {
    calls.loads++;
    return binding;
  };
  return { calls, loadBinding };
}

describe('whisper.cpp speech-to-text (binding stand-in)', () => {
  it('decodes the voice note to 16 kHz Int16 PCM and passes language and prompt; loads the model once, lazily', async () => {
    const { calls, loadBinding } = fakeBinding();
    const stt = new WhisperCppSpeechToText({ modelPath: '/models/ggml-small.bin', loadBinding, threads: 1 });
    expect(stt.name).toBe('whisper-cpp');
    expect(calls.loads).toBe(0);

    expect(await stt.transcribe(voice('uz-taxi.ogg'))).toEqual({ text: 'text 1' });
    expect(await stt.transcribe(voice('ru-groceries.ogg'))).toEqual({ text: 'text 2' });
    expect(calls.loads).toBe(1);
    expect(calls.inits).toEqual(['/models/ggml-small.bin']);
    const [uz, ruCall] = calls.transcriptions;
    expect(Math.abs(uz.samples - byFile('uz-taxi.ogg').duration_seconds * 16_000)).toBeLessThan(1_600);
    expect(uz).toMatchObject({ language: 'uz', prompt: TRANSCRIPTION_PROMPTS.uz });
    expect(uz.peak).toBeGreaterThan(3_000); // speech, not silence
    expect(ruCall).toMatchObject({ language: 'ru', prompt: TRANSCRIPTION_PROMPTS.ru });

    await stt.onModuleDestroy();
    expect(calls.released).toBe(1);
  });

  it('runs transcriptions one at a time', async () => {
    const { calls, loadBinding } = fakeBinding({ delayMs: 50 });
    const stt = new WhisperCppSpeechToText({ modelPath: 'm.bin', loadBinding, threads: 1 });
    const texts = await Promise.all(
      ['ru-groceries.ogg', 'uz-taxi.ogg', 'en-paid.ogg'].map((f) => stt.transcribe(voice(f))),
    );
    expect(texts.map((t) => t.text)).toEqual(['text 1', 'text 2', 'text 3']);
    expect(calls.maxActive).toBe(1);
    expect(calls.loads).toBe(1);
  });

  it('refuses non-Ogg audio without loading anything, and keeps serving afterwards', async () => {
    const { calls, loadBinding } = fakeBinding();
    const stt = new WhisperCppSpeechToText({ modelPath: 'm.bin', loadBinding, threads: 1 });
    const error = await failure(
      stt.transcribe({
        ...voice('en-paid.ogg'),
        audio: Buffer.from('ID3\x04'.padEnd(64, '\0')),
        mimeType: 'audio/mpeg',
      }),
    );
    expect(error).toMatchObject({ kind: 'unsupported_audio', retryable: false });
    expect(calls.loads).toBe(0);
    expect(await stt.transcribe(voice('en-paid.ogg'))).toEqual({ text: 'text 1' });
  });

  it('a model that fails to load → not_configured naming WHISPER_MODEL_PATH; the next voice note tries again', async () => {
    const { calls, loadBinding } = fakeBinding({ failInit: 1 });
    const stt = new WhisperCppSpeechToText({ modelPath: 'm.bin', loadBinding, threads: 1 });
    const error = await failure(stt.transcribe(voice('en-paid.ogg')));
    expect(error).toMatchObject({ kind: 'not_configured', retryable: false });
    expect(error!.message).toMatch(/WHISPER_MODEL_PATH/);
    expect(await stt.transcribe(voice('en-paid.ogg'))).toEqual({ text: 'text 1' });
    expect(calls.inits).toHaveLength(2);
  });

  it('a failing inference → unavailable, retryable', async () => {
    const { loadBinding } = fakeBinding({ reject: new Error('whisper_full failed') });
    const stt = new WhisperCppSpeechToText({ modelPath: 'm.bin', loadBinding, threads: 1 });
    const error = await failure(stt.transcribe(voice('en-paid.ogg')));
    expect(error).toMatchObject({
      kind: 'unavailable',
      retryable: true,
      message: 'whisper.cpp failed: whisper_full failed',
    });
  });

  it('an abort stops the running inference → timeout, retryable', async () => {
    const { calls, loadBinding } = fakeBinding({ delayMs: 300 });
    const stt = new WhisperCppSpeechToText({ modelPath: 'm.bin', loadBinding, threads: 1 });
    const controller = new AbortController();
    const pending = failure(stt.transcribe(voice('en-paid.ogg'), controller.signal));
    while (calls.transcriptions.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'timeout', retryable: true });
    expect(calls.stopped).toBe(1);
  });
});

describe('whisper.cpp native binding (no model needed)', () => {
  it('loads @fugood/whisper.node on first use and reports a file that is not a ggml model', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ovozpay-whisper-')), 'ggml-broken.bin');
    writeFileSync(path, 'this is not a ggml model');
    const stt = new WhisperCppSpeechToText({ modelPath: path, threads: 1 });
    const error = await failure(stt.transcribe(voice('en-paid.ogg')));
    expect(error).toBeInstanceOf(SttError);
    expect(error).toMatchObject({ kind: 'not_configured', retryable: false });
    expect(error!.message).toBe(
      'whisper.cpp could not load the model at WHISPER_MODEL_PATH: Failed to initialize whisper context',
    );
  });
});

// The only test that may be skipped: real recognition needs a ggml model file, and this machine has no internet.
const KNOWN_MODEL_PATHS = [
  '/models/ggml-base.bin',
  '/models/ggml-small.bin',
  '/models/ggml-tiny.bin',
  join(__dirname, '../../../models/ggml-base.bin'),
];
const modelPath = [process.env.WHISPER_MODEL_PATH, ...KNOWN_MODEL_PATHS].find(
  (p): p is string => !!p && existsSync(p),
);
const describeWithModel = modelPath ? describe : describe.skip;
if (!modelPath) {
  console.log(
    `whisper.cpp recognition test skipped: no ggml model (set WHISPER_MODEL_PATH or put one at ${KNOWN_MODEL_PATHS[0]})`,
  );
}

describeWithModel('whisper.cpp recognition with a real model', () => {
  const stt = new WhisperCppSpeechToText({ modelPath: modelPath ?? '' });
  afterAll(() => stt.onModuleDestroy());

  it('recognises the English fixture’s amount and currency', async () => {
    const { text } = await stt.transcribe(voice('en-paid.ogg'));
    expect(text).toMatch(/500|five hundred/i);
    expect(text).toMatch(/dollar/i);
  }, 120_000);

  it('transcribes the Russian fixture to Cyrillic text', async () => {
    const { text } = await stt.transcribe(voice('ru-groceries.ogg'));
    expect(text).toMatch(/[а-яё]/i);
  }, 120_000);
});
