import { Logger } from '@nestjs/common';
import { SttError } from './stt.errors';
import { SpeechInput, SpeechToText, Transcript } from './stt.port';
import { transcriptionPrompt } from './stt.prompts';

export interface OpenAiSttOptions {
  /** OpenAI-compatible API root, e.g. https://api.openai.com/v1 (STT_BASE_URL). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set (STT_API_KEY). */
  apiKey?: string;
  /** STT_MODEL, e.g. whisper-1. */
  model: string;
  /** Per-attempt deadline. Default 30 s. */
  timeoutMs?: number;
  /** Attempts in all (first try included). Default 3. */
  attempts?: number;
  /** First backoff step; doubles per retry, with jitter. Default 500 ms. */
  backoffMs?: number;
  /** Longest backoff step. Default 8 s. */
  maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited out in-process: fail at once (retryable) instead. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
}

/** What one attempt ended with, when it did not give a transcript. */
type Failure =
  | { retry: true; kind: 'unavailable' | 'timeout'; message: string; status?: number; retryAfterMs?: number; cause?: unknown }
  | { retry: false; error: SttError };

/**
 * OpenAI-compatible `POST {baseUrl}/audio/transcriptions` (OpenAI, Groq, faster-whisper-server, LocalAI, …).
 * Sends the voice note's bytes unchanged. Retries 408/429/5xx, network errors and per-attempt timeouts with
 * exponential backoff and jitter, honouring Retry-After; other 4xx answers are final ('rejected').
 */
export class OpenAiSpeechToText implements SpeechToText {
  readonly name = 'openai' as const;
  private readonly logger = new Logger(OpenAiSpeechToText.name);
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly random: () => number;

  constructor(private readonly options: OpenAiSttOptions) {
    this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 8_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  async transcribe(input: SpeechInput, signal?: AbortSignal): Promise<Transcript> {
    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(signal);
      const outcome = await this.attempt(input, signal);
      if ('text' in outcome) return outcome;
      if (!outcome.retry) throw outcome.error;
      const last = attempt >= this.attempts;
      const tooLong = outcome.retryAfterMs !== undefined && outcome.retryAfterMs > this.maxRetryAfterMs;
      if (last || tooLong) {
        const after = last ? `after ${attempt} attempt${attempt > 1 ? 's' : ''}` : 'and asked to wait longer than we wait in-process';
        throw new SttError(outcome.kind, `speech-to-text service ${outcome.message} ${after}`, true, outcome);
      }
      const delay = Math.max(outcome.retryAfterMs ?? 0, this.backoff(attempt));
      this.logger.warn(`transcription attempt ${attempt}/${this.attempts} failed (${outcome.message}); retrying in ${delay} ms`);
      await sleep(delay, signal);
    }
  }

  /** Backoff before retry number `attempt`: base × 2^(attempt-1), capped, scaled by a jitter in [0.5, 1). */
  backoff(attempt: number): number {
    const step = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
    return Math.round(step * (0.5 + this.random() / 2));
  }

  private async attempt(input: SpeechInput, signal?: AbortSignal): Promise<Transcript | Failure> {
    const form = new FormData();
    form.append('file', new Blob([input.audio], { type: input.mimeType }), input.fileName);
    form.append('model', this.options.model);
    form.append('language', input.language);
    form.append('prompt', transcriptionPrompt(input.language));
    form.append('response_format', 'json');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const onCancel = () => controller.abort();
    signal?.addEventListener('abort', onCancel, { once: true });
    try {
      const response = await fetch(this.endpoint, { method: 'POST', body: form, headers, signal: controller.signal });
      const body = await response.text();
      if (response.ok) return this.parseTranscript(body);
      return this.classify(response.status, body, response.headers.get('retry-after'));
    } catch (error) {
      throwIfCancelled(signal);
      if (controller.signal.aborted) {
        return { retry: true, kind: 'timeout', message: `did not answer within ${this.timeoutMs} ms`, cause: error };
      }
      return { retry: true, kind: 'unavailable', message: `could not be reached (${networkReason(error)})`, cause: error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
    }
  }

  private parseTranscript(body: string): Transcript | Failure {
    let text: unknown;
    try {
      text = (JSON.parse(body) as { text?: unknown }).text;
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      const error = new SttError('rejected', 'speech-to-text service answered without a JSON "text" field (is STT_BASE_URL an OpenAI-compatible API root?)', false);
      return { retry: false, error };
    }
    return { text: text.trim() };
  }

  private classify(status: number, body: string, retryAfter: string | null): Failure {
    const reason = this.redact(errorMessage(body));
    if (status === 408 || status === 429 || status >= 500) {
      return { retry: true, kind: 'unavailable', status, retryAfterMs: parseRetryAfter(retryAfter), message: `answered HTTP ${status}${reason ? ` (${reason})` : ''}` };
    }
    const hint =
      status === 401 || status === 403 ? ' - check STT_API_KEY'
      : status === 404 ? ' - check STT_BASE_URL and STT_MODEL'
      : status === 413 ? ' - the voice note is too large'
      : status === 415 ? ' - the audio format is not accepted'
      : '';
    const message = `speech-to-text service refused the request: HTTP ${status}${reason ? ` ${reason}` : ''}${hint}`;
    return { retry: false, error: new SttError('rejected', message, false, { status }) };
  }

  /** Never let the API key reach a message or a log line, even if a server echoes it. */
  private redact(text: string): string {
    const key = this.options.apiKey;
    return key ? text.split(key).join('[redacted]') : text;
  }
}

/** The `error.message` of an OpenAI-style error body, else the start of the body, on one line. */
function errorMessage(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; detail?: unknown; message?: unknown };
    const candidate = typeof parsed.error === 'object' ? parsed.error?.message : (parsed.error ?? parsed.detail ?? parsed.message);
    if (typeof candidate === 'string') message = candidate;
  } catch {
    // not JSON: keep the raw text
  }
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** Retry-After as delay-seconds or an HTTP date → milliseconds (undefined when absent or unreadable). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'network error';
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new SttError('timeout', 'transcription was cancelled', true, { cause: signal.reason });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SttError('timeout', 'transcription was cancelled', true, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
