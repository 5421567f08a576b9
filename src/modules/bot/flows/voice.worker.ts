import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { basename } from 'node:path';
import { InjectBot } from 'nestjs-telegraf';
import type { Context, Telegraf } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { AppConfig } from '../../../config/app-config';
import { JobContext, JobsService } from '../../jobs/jobs.service';
import { SPEECH_TO_TEXT, SpeechToText } from '../../stt/stt.port';
import { SttError } from '../../stt/stt.errors';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { VoiceMessage } from '../../voice/voice-message.entity';
import {
  isNoiseTranscript,
  VOICE_QUEUE_NAME,
  VoiceJob,
  VoiceService,
  voiceSttDeadlineMs,
} from '../../voice/voice.service';
import { apologyText } from '../texts/bot.texts';
import { PhraseService } from './phrase.service';
import { TelegramFileError, TelegramFiles } from '../infra/telegram-files';
import {
  noSpeechText,
  stillTryingText,
  VoiceFailure,
  voiceFailureText,
  voiceReplyText,
} from '../texts/voice.texts';

/** Voice jobs processed at once by one instance (each waits mostly on the network or on whisper.cpp). */
const WORKERS_PER_INSTANCE = 2;

function telegramErrorCode(error: unknown): number | undefined {
  const code = (error as { response?: { error_code?: unknown } })?.response?.error_code;
  return typeof code === 'number' ? code : undefined;
}

/** Telegram refuses an edit that changes nothing (a retry after the edit went through): that is not a failure. */
function isNotModified(error: unknown): boolean {
  return /message is not modified/i.test(
    (error as { response?: { description?: string } })?.response?.description ??
      (error as Error)?.message ??
      '',
  );
}

/**
 * The "🎙 still trying…" message of one attempt: said after a while (`after`) or at once on a failure (`now`), at
 * most once in the attempt; the claim on the note's row makes it once per note across attempts and instances.
 * `settle` stops the timer and waits for a message on its way, so the answer that follows can replace it.
 */
class StillTrying {
  private timer: NodeJS.Timeout | undefined;
  private told: Promise<void> | undefined;

  constructor(private readonly tell: () => Promise<void>) {}

  after(ms: number): void {
    this.timer = setTimeout(() => void this.now(), ms);
    this.timer.unref();
  }

  now(): Promise<void> {
    clearTimeout(this.timer);
    return (this.told ??= this.tell());
  }

  async settle(): Promise<void> {
    clearTimeout(this.timer);
    await this.told;
  }
}

/**
 * The voice queue's worker: "typing…", download the note from Telegram, speech-to-text, then the same
 * record-and-reply flow as a typed phrase (PhraseService.onText with the transcript), the reply quoting it.
 *
 * Exactly once: the rows are tied to the update id (a retry finds them instead of adding), the transcript is kept
 * on the voice_messages row (a retry does not transcribe again), and a finished row is never processed again.
 * A temporary failure (STT or Telegram down) throws, so pg-boss retries with backoff; on the last attempt the
 * user is told it could not be recognised and may type it. Nothing is recorded from a failed note.
 *
 * Nobody waits in silence: when recognition fails once, or runs longer than VOICE_PROGRESS_SECONDS, the person gets
 * one "🎙 still trying…" message (claimed on the row first, so never two), and the final answer — the recorded
 * reply with its buttons, or "please type it" — replaces it by editMessageText (docs/operations.md).
 */
@Injectable()
export class VoiceWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(VoiceWorker.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly voice: VoiceService,
    private readonly files: TelegramFiles,
    @Inject(SPEECH_TO_TEXT) private readonly stt: SpeechToText,
    private readonly users: UsersService,
    private readonly phrases: PhraseService,
    private readonly config: AppConfig,
    @InjectBot() private readonly bot: Telegraf<Context>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.stt.provider === 'none') return;
    await this.jobs.work<VoiceJob>(VOICE_QUEUE_NAME, (data, job) => this.process(data.voiceMessageId, job), {
      concurrency: WORKERS_PER_INSTANCE,
    });
  }

  async process(id: string, job: JobContext): Promise<void> {
    const note = await this.voice.find(id);
    if (!note || note.status === 'done' || note.status === 'failed') return;
    let user: User | undefined;
    try {
      // The note's row goes with its user (ON DELETE CASCADE): a found note has a user.
      user = await this.users.getById(note.userId);
      await this.voice.countAttempt(id);
      await this.handle(note, user, job);
    } catch (error) {
      if (!job.lastAttempt) throw error;
      // Out of retries on something unexpected: say so rather than stay silent (unless the answer is already out).
      this.logger.error(
        `Voice note not processed: update_id=${note.updateId}, user_id=${note.userId}: ${(error as Error).message}`,
        (error as Error).stack,
      );
      await this.voice.markFailed(id, 'internal').catch(() => undefined);
      if (user && note.status !== 'answered')
        await this.answer(note, user, apologyText(user.language)).catch(() => undefined);
    }
  }

  private async handle(note: VoiceMessage, user: User, job: JobContext): Promise<void> {
    // A retry after the phrase was applied only sends the stored reply again: undo, debts, goals and the
    // "how much?" answer are not repeatable, so they must not run twice.
    if (note.status === 'answered' && note.reply) {
      await this.answer(note, user, note.reply.text, note.reply.markup as InlineKeyboardMarkup | undefined);
      await this.voice.markDone(note.id);
      return;
    }

    let transcript = note.transcript;
    if (transcript === null) {
      await this.typing(note);
      const progress = new StillTrying(() => this.tellStillTrying(note, user));
      if (note.progressClaimedAt === null) progress.after(this.config.stt.progressSeconds * 1000);
      let heard: { text: string } | { failure: VoiceFailure };
      try {
        heard = await this.transcribe(note, user, job, progress);
      } finally {
        await progress.settle();
      }
      if ('failure' in heard) {
        // Marked first: a failed send then retries the message, not the download and the transcription.
        await this.voice.markFailed(note.id, heard.failure);
        await this.answer(note, user, voiceFailureText(user.language, heard.failure)).catch(
          (error: unknown) => {
            this.logger.warn(
              `Failure message not delivered: update_id=${note.updateId}: ${(error as Error).message}`,
            );
          },
        );
        return;
      }
      transcript = heard.text.replace(/\s+/g, ' ').trim();
      await this.voice.saveTranscript(note.id, transcript);
    }

    let reply: { text: string; markup?: InlineKeyboardMarkup };
    let followUp: { text: string; markup?: InlineKeyboardMarkup } | undefined;
    if (isNoiseTranscript(transcript)) {
      this.logger.log(`Voice note without words: update_id=${note.updateId}, user_id=${user.id}`);
      reply = { text: noSpeechText(user.language) };
    } else {
      const answer = await this.phrases.onText(user, {
        chatId: Number(note.chatId),
        text: transcript,
        updateId: Number(note.updateId),
        sentAt: note.sentAt,
        transcript,
      });
      reply = { text: voiceReplyText(user.language, transcript, answer.text), markup: answer.markup };
      followUp = answer.followUp;
    }
    await this.voice.saveReply(note.id, reply);
    await this.answer(note, user, reply.text, reply.markup);
    if (followUp) await this.send(note, user, followUp.text, followUp.markup);
    await this.voice.markDone(note.id);
  }

  /**
   * The transcript, or why there is none (told to the user). Throws when a retry may help and one is left — after
   * telling the person it is still being tried.
   */
  private async transcribe(
    note: VoiceMessage,
    user: User,
    job: JobContext,
    progress: StillTrying,
  ): Promise<{ text: string } | { failure: VoiceFailure }> {
    let audio: { bytes: Buffer; filePath: string };
    try {
      audio = await this.files.download(note.fileId);
    } catch (error) {
      if (!(error instanceof TelegramFileError)) throw error;
      this.logger.error(
        `Voice note download failed: update_id=${note.updateId}, user_id=${user.id}: ${error.message}`,
      );
      if (error.retryable && !job.lastAttempt) {
        await progress.now();
        throw error;
      }
      return { failure: error.kind === 'too_big' ? 'too_big' : 'download_failed' };
    }
    const started = Date.now();
    try {
      const { text } = await this.stt.transcribe(
        {
          audio: audio.bytes,
          fileName: basename(audio.filePath) || `${note.kind}.oga`,
          mimeType: note.mimeType,
          language: user.language,
          durationSeconds: note.durationSeconds,
        },
        // Give up (and retry) well before pg-boss expires the job, so two attempts never run at once.
        AbortSignal.timeout(voiceSttDeadlineMs(this.config)),
      );
      this.logger.log(
        `Transcribed (${this.stt.name}): update_id=${note.updateId}, user_id=${user.id}, ${note.durationSeconds}s → ${text.length} chars in ${Date.now() - started} ms`,
      );
      return { text };
    } catch (error) {
      if (!(error instanceof SttError)) throw error;
      const final = !error.retryable || job.lastAttempt;
      const log = `Ошибка распознавания речи (${this.stt.name}, ${error.kind}): update_id=${note.updateId}, user_id=${user.id}, попытка ${job.retryCount + 1}/${job.retryLimit + 1}: ${error.message}`;
      if (final) this.logger.error(log);
      else this.logger.warn(log);
      if (!final) {
        await progress.now();
        throw error;
      }
      if (error.kind === 'unsupported_audio') return { failure: 'unsupported_audio' };
      return { failure: error.kind === 'rejected' ? 'stt_rejected' : 'stt_unavailable' };
    }
  }

  private async typing(note: VoiceMessage): Promise<void> {
    await this.bot.telegram.sendChatAction(Number(note.chatId), 'typing').catch((error: unknown) => {
      this.logger.warn(`sendChatAction failed: update_id=${note.updateId}: ${(error as Error).message}`);
    });
  }

  /**
   * Claims, sends and stores the note's "still trying…" message (reply to the note). Never throws: it is a courtesy,
   * the work goes on without it. When Telegram refused it (an error answer), nothing was sent and the claim is given
   * back; when no answer came, it may have arrived, so it is not sent again.
   */
  private async tellStillTrying(note: VoiceMessage, user: User): Promise<void> {
    try {
      if (!(await this.voice.claimProgress(note.id))) return;
    } catch (error) {
      this.logger.warn(
        `"Still transcribing" not claimed: update_id=${note.updateId}: ${(error as Error).message}`,
      );
      return;
    }
    let messageId: number;
    try {
      const sent = await this.bot.telegram.sendMessage(Number(note.chatId), stillTryingText(user.language), {
        reply_parameters: { message_id: Number(note.messageId), allow_sending_without_reply: true },
      });
      messageId = sent.message_id;
    } catch (error) {
      const code = telegramErrorCode(error);
      if (code !== undefined && code !== 403)
        await this.voice.releaseProgress(note.id).catch(() => undefined);
      this.logger.warn(
        `"Still transcribing" not sent: update_id=${note.updateId}, user_id=${user.id}: ${(error as Error).message}`,
      );
      return;
    }
    note.progressMessageId = BigInt(messageId);
    await this.voice.saveProgressMessage(note.id, messageId).catch((error: unknown) => {
      this.logger.warn(
        `"Still transcribing" sent, its id not saved: update_id=${note.updateId}: ${(error as Error).message}`,
      );
    });
    this.logger.log(`Told "still transcribing": update_id=${note.updateId}, user_id=${user.id}`);
  }

  /**
   * The note's final message: the "still trying…" message edited into it when there is one, else a reply. The edited
   * message gone or no longer editable (400) → a new reply; Telegram down → thrown, so the job retries.
   */
  private async answer(
    note: VoiceMessage,
    user: User,
    text: string,
    markup?: InlineKeyboardMarkup,
  ): Promise<void> {
    if (note.progressMessageId !== null) {
      try {
        await this.bot.telegram.editMessageText(
          Number(note.chatId),
          Number(note.progressMessageId),
          undefined,
          text,
          { reply_markup: markup },
        );
        return;
      } catch (error) {
        if (isNotModified(error)) return;
        const code = telegramErrorCode(error);
        if (code === 403) {
          this.logger.warn(
            `Voice note reply not delivered (the bot is blocked): update_id=${note.updateId}, user_id=${user.id}`,
          );
          return;
        }
        if (code !== 400) throw error;
        this.logger.warn(
          `"Still transcribing" not edited, the reply goes as a new message: update_id=${note.updateId}: ${(error as Error).message}`,
        );
      }
    }
    await this.send(note, user, text, markup);
  }

  /** Replies under the voice note. A user who blocked the bot (403) is not retried. */
  private async send(
    note: VoiceMessage,
    user: User,
    text: string,
    markup?: InlineKeyboardMarkup,
  ): Promise<void> {
    try {
      await this.bot.telegram.sendMessage(Number(note.chatId), text, {
        reply_markup: markup,
        reply_parameters: { message_id: Number(note.messageId), allow_sending_without_reply: true },
      });
    } catch (error) {
      if (telegramErrorCode(error) !== 403) throw error;
      this.logger.warn(
        `Voice note reply not delivered (the bot is blocked): update_id=${note.updateId}, user_id=${user.id}`,
      );
    }
  }
}
