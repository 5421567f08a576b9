import { Logger, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { decodeOggOpus } from './ogg-opus';
import { floatToInt16 } from './pcm';
import { SttError } from './stt.errors';
import { SpeechInput, SpeechToText, Transcript } from './stt.port';
import { transcriptionPrompt } from './stt.prompts';

/** The slice of @fugood/whisper.node we use (its published typings point at a .d.ts it does not ship). */
export interface WhisperContextLike {
  transcribeData(
    pcm16: ArrayBuffer,
    options: { language?: string; prompt?: string; maxThreads?: number; temperature?: number },
  ): { stop: () => Promise<void>; promise: Promise<{ result: string; isAborted: boolean }> };
  release(): Promise<void>;
}
export interface WhisperBindingLike {
  initWhisper(options: { filePath: string; useGpu?: boolean }): Promise<WhisperContextLike>;
  toggleNativeLog?(enable: boolean): Promise<void>;
  addNativeLogListener?(listener: (level: string, text: string) => void): { remove: () => void };
}

export interface WhisperCppOptions {
  /** ggml model file (WHISPER_MODEL_PATH). */
  modelPath: string;
  /** CPU threads per transcription. Default: all but one core, at least 1, at most 4. */
  threads?: number;
  /** How to load the native binding; tests may substitute it. Default: require('@fugood/whisper.node') on first use. */
  loadBinding?: () => Promise<WhisperBindingLike>;
}

/** Loaded only when the first voice note arrives, so `openai`/`none` deployments never touch the native addon. */
function loadWhisperBinding(): Promise<WhisperBindingLike> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve().then(() => require('@fugood/whisper.node') as WhisperBindingLike);
}

/**
 * Local transcription with whisper.cpp. The voice note is decoded in-process (Ogg/Opus → 16 kHz mono PCM, no
 * ffmpeg); the model is loaded once, on first use, and reused; transcriptions run one at a time.
 */
export class WhisperCppSpeechToText implements SpeechToText, OnModuleDestroy {
  readonly name = 'whisper-cpp' as const;
  private readonly logger = new Logger(WhisperCppSpeechToText.name);
  private context: Promise<WhisperContextLike> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly threads: number;

  constructor(private readonly options: WhisperCppOptions) {
    this.threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  }

  transcribe(input: SpeechInput, signal?: AbortSignal): Promise<Transcript> {
    const run = this.queue.then(() => this.run(input, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async onModuleDestroy(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    await this.queue;
    if (context) await context.then((c) => c.release()).catch(() => undefined);
  }

  private async run(input: SpeechInput, signal?: AbortSignal): Promise<Transcript> {
    throwIfCancelled(signal);
    const audio = await decodeOggOpus(input.audio);
    const pcm = floatToInt16(audio.samples);
    const context = await this.loadContext();
    throwIfCancelled(signal);
    const started = Date.now();
    const job = context.transcribeData(pcm.buffer as ArrayBuffer, {
      language: input.language,
      prompt: transcriptionPrompt(input.language),
      maxThreads: this.threads,
      temperature: 0,
    });
    const stop = () => void job.stop().catch(() => undefined);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const result = await job.promise;
      throwIfCancelled(signal);
      if (result.isAborted) throw new SttError('timeout', 'transcription was cancelled', true);
      this.logger.log(
        `transcribed ${Math.round(audio.durationSeconds * 1000)} ms of audio in ${Date.now() - started} ms`,
      );
      return { text: result.result.trim() };
    } catch (error) {
      if (error instanceof SttError) throw error;
      throw new SttError('unavailable', `whisper.cpp failed: ${describe(error)}`, true, { cause: error });
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  private loadContext(): Promise<WhisperContextLike> {
    if (this.context) return this.context;
    const loading = (async () => {
      const started = Date.now();
      let binding: WhisperBindingLike;
      try {
        binding = await (this.options.loadBinding ?? loadWhisperBinding)();
      } catch (error) {
        throw new SttError(
          'not_configured',
          `whisper.cpp binding @fugood/whisper.node could not be loaded: ${describe(error)}`,
          false,
          { cause: error },
        );
      }
      // whisper.cpp writes its own log to stderr by default: route the model-load lines to our logger, then silence
      // it (a live native log callback would also keep the process from exiting).
      const listener = binding.addNativeLogListener?.((level, text) =>
        level === 'error'
          ? this.logger.warn(`whisper.cpp: ${text.trim()}`)
          : this.logger.debug(`whisper.cpp: ${text.trim()}`),
      );
      await binding.toggleNativeLog?.(true);
      try {
        const context = await binding.initWhisper({ filePath: this.options.modelPath, useGpu: false });
        this.logger.log(`whisper.cpp model loaded in ${Date.now() - started} ms`);
        return context;
      } catch (error) {
        throw new SttError(
          'not_configured',
          `whisper.cpp could not load the model at WHISPER_MODEL_PATH: ${describe(error)}`,
          false,
          { cause: error },
        );
      } finally {
        if (binding.toggleNativeLog) {
          await new Promise((resolve) => setTimeout(resolve, 50)); // let the queued native log lines arrive
          await binding.toggleNativeLog(false);
        }
        listener?.remove();
      }
    })();
    this.context = loading;
    // A failed load is not cached: the next voice note tries again (the file may have been fixed).
    loading.catch(() => {
      if (this.context === loading) this.context = undefined;
    });
    return loading;
  }
}

/** The error's message (native errors may come from another realm, so no instanceof). */
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new SttError('timeout', 'transcription was cancelled', true, { cause: signal.reason });
}
