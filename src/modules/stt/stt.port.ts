import type { Language } from '../../config/app-config';

/** Nest token of the speech-to-text port; SttModule binds it to the provider STT_PROVIDER names. */
export const SPEECH_TO_TEXT = Symbol('SPEECH_TO_TEXT');

/** One voice note, as Telegram delivered it (Ogg/Opus, `audio/ogg`), with the user's language. */
export interface SpeechInput {
  audio: Buffer;
  fileName: string;
  mimeType: string;
  language: Language;
  durationSeconds: number;
}

export interface Transcript {
  /** The recognised text, trimmed; empty when nothing was said. */
  text: string;
}

/**
 * Speech-to-text port. `transcribe` rejects only with SttError; an aborted `signal` rejects with
 * SttError('timeout', …, retryable true).
 */
export interface SpeechToText {
  readonly name: 'openai' | 'whisper-cpp' | 'none';
  transcribe(input: SpeechInput, signal?: AbortSignal): Promise<Transcript>;
}
