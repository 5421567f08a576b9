import { SttError } from './stt.errors';
import { SpeechToText, Transcript } from './stt.port';

/** STT_PROVIDER=none: voice notes cannot be transcribed; the bot answers with the voice-info text instead. */
export class DisabledSpeechToText implements SpeechToText {
  readonly name = 'none' as const;

  transcribe(): Promise<Transcript> {
    return Promise.reject(new SttError('not_configured', 'speech-to-text is off (STT_PROVIDER=none)', false));
  }
}
