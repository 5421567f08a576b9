import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DisabledSpeechToText } from './disabled-stt.provider';
import { OpenAiSpeechToText } from './openai-stt.provider';
import { SPEECH_TO_TEXT, SpeechToText } from './stt.port';
import { WhisperCppSpeechToText } from './whisper-cpp-stt.provider';

/** Builds the provider STT_PROVIDER names. Nothing is loaded or contacted until the first transcription. */
export function createSpeechToText(stt: AppConfig['stt']): SpeechToText {
  switch (stt.provider) {
    case 'openai':
      // One request per voice job attempt: the voice queue retries with backoff (VOICE_RETRY_LIMIT), so a failure is
      // seen at once — and the person told "still trying…" — instead of after three requests and their timeouts.
      return new OpenAiSpeechToText({
        baseUrl: stt.baseUrl,
        apiKey: stt.apiKey,
        model: stt.model,
        timeoutMs: stt.timeoutSeconds * 1000,
        attempts: 1,
      });
    case 'whisper-cpp':
      // validateEnv guarantees a readable WHISPER_MODEL_PATH for this provider.
      return new WhisperCppSpeechToText({ modelPath: stt.whisperModelPath ?? '' });
    case 'none':
      return new DisabledSpeechToText();
  }
}

/**
 * Speech-to-text behind the SPEECH_TO_TEXT port: `@Inject(SPEECH_TO_TEXT) stt: SpeechToText`.
 * Needs the global AppConfig (ConfigModule.forRoot).
 */
@Module({
  providers: [
    {
      provide: SPEECH_TO_TEXT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createSpeechToText(config.stt),
    },
  ],
  exports: [SPEECH_TO_TEXT],
})
export class SttModule {}
