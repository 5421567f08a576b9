import { Test } from '@nestjs/testing';
import { FakeStt, openAiError, voiceFixtures } from '../../../test/fakes/fake-stt';
import { loadConfig } from '../../config/app-config';
import { ConfigModule } from '../../config/config.module';
import { SttError } from './stt.errors';
import { SttModule } from './stt.module';
import { SPEECH_TO_TEXT, SpeechToText } from './stt.port';

const base = { SECRET_KEY: 'a-very-long-secret-key-123' };

async function speechToText(
  env: Record<string, string>,
): Promise<{ stt: SpeechToText; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({ ...base, ...env })), SttModule],
  }).compile();
  await moduleRef.init();
  return { stt: moduleRef.get<SpeechToText>(SPEECH_TO_TEXT), close: () => moduleRef.close() };
}

describe('SttModule', () => {
  const en = voiceFixtures().find((f) => f.file === 'en-paid.ogg')!;
  const input = {
    audio: en.bytes,
    fileName: 'file_1.oga',
    mimeType: 'audio/ogg',
    language: 'en' as const,
    durationSeconds: 3,
  };

  it('STT_PROVIDER=none (the default) binds a provider that refuses: not_configured, not retryable', async () => {
    const { stt, close } = await speechToText({});
    expect(stt.name).toBe('none');
    const error = await stt.transcribe(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SttError);
    expect(error).toMatchObject({ kind: 'not_configured', retryable: false });
    await close();
  });

  it('STT_PROVIDER=openai transcribes through STT_BASE_URL with STT_MODEL and STT_API_KEY', async () => {
    const fake = await new FakeStt().start();
    try {
      const { stt, close } = await speechToText({
        STT_PROVIDER: 'openai',
        STT_BASE_URL: fake.url,
        STT_API_KEY: 'sk-module',
        STT_MODEL: 'whisper-large-v3',
      });
      expect(stt.name).toBe('openai');
      const pending = stt.transcribe(input);
      await fake.waitForRequests(1);
      expect(await pending).toEqual({ text: 'got paid 500 dollars' });
      expect(fake.requests).toMatchObject([
        { model: 'whisper-large-v3', language: 'en', authorization: 'Bearer sk-module' },
      ]);
      await close();
    } finally {
      await fake.stop();
    }
  });

  it('STT_PROVIDER=openai makes one request per call: a failure comes back at once, retryable (the voice queue retries)', async () => {
    const fake = await new FakeStt(() => openAiError(503, 'overloaded')).start();
    try {
      const { stt, close } = await speechToText({
        STT_PROVIDER: 'openai',
        STT_BASE_URL: fake.url,
        STT_API_KEY: 'sk-module',
      });
      const error = await stt.transcribe(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'unavailable', retryable: true, status: 503 });
      expect(fake.requests).toHaveLength(1);
      await close();
    } finally {
      await fake.stop();
    }
  });

  it('STT_PROVIDER=whisper-cpp binds the local provider without loading the model at start', async () => {
    const { stt, close } = await speechToText({
      STT_PROVIDER: 'whisper-cpp',
      WHISPER_MODEL_PATH: __filename,
    });
    expect(stt.name).toBe('whisper-cpp');
    await close(); // nothing was loaded, nothing to release
  });
});
