import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobsService, QueueDefinition } from '../jobs/jobs.service';
import { StoredReply, VoiceKind, VoiceMessage } from './voice-message.entity';
import { NewVoiceMessage, VoiceMessagesRepository } from './voice-messages.repository';

export const VOICE_QUEUE_NAME = 'voice';

/**
 * The queue of voice notes to transcribe and record; its job data is the voice_messages id. By default 1 + 4
 * attempts, one speech-to-text request each, the delays doubling from 2 s (pg-boss adds up to as much again in
 * jitter: 2–4, 4–8, 8–16, 16–32 s), before the user is told speech recognition is down. They hear "still trying…"
 * much earlier: at the first failure, or after VOICE_PROGRESS_SECONDS of waiting (bot/voice.worker.ts).
 */
export function voiceQueue(config: AppConfig): QueueDefinition {
  return {
    name: VOICE_QUEUE_NAME,
    retryLimit: config.stt.retryLimit,
    retryDelay: config.stt.retryDelaySeconds,
    retryBackoff: true,
    // pg-boss fails (and retries) a job still running after this: room for a slow request and whisper.cpp.
    expireInSeconds: voiceJobExpireSeconds(config),
  };
}

export function voiceJobExpireSeconds(config: AppConfig): number {
  return Math.max(300, config.stt.timeoutSeconds * 3 + 120);
}

/** How long one attempt may spend on speech recognition: it gives up well before pg-boss expires the job. */
export function voiceSttDeadlineMs(config: AppConfig): number {
  return (voiceJobExpireSeconds(config) - 60) * 1000;
}

export interface VoiceJob {
  voiceMessageId: string;
}

/** A voice note as Telegram described it (plain values from the update). */
export interface VoiceNote {
  kind: VoiceKind;
  updateId: number;
  chatId: number;
  messageId: number;
  fileId: string;
  fileUniqueId: string;
  mimeType: string | undefined;
  durationSeconds: number;
  fileSize: number | undefined;
  sentAt: Date;
}

const DEFAULT_MIME: Record<VoiceKind, string> = {
  voice: 'audio/ogg',
  audio: 'audio/mpeg',
  video_note: 'video/mp4',
};

const NOISE_TAG = /^[\s.,!?…*\-–—"'«»()[\]]*$|^\s*[[(*♪].*[\])*♪]\s*$/u;

/**
 * What a transcript is worth recording: nothing when the recogniser heard no words — empty, punctuation only, or
 * one of Whisper's bracketed sound tags ("[музыка]", "(silence)", "♪♪").
 */
export function isNoiseTranscript(text: string): boolean {
  const t = text.trim();
  if (!t || NOISE_TAG.test(t)) return true;
  return !/[\p{L}\p{N}]/u.test(t);
}

/**
 * Voice notes as durable work: `enqueue` (from the webhook) stores the note and queues its job in one transaction,
 * once per update; the worker (bot/voice.worker.ts) reads, transcribes and finishes it through the methods here.
 */
@Injectable()
export class VoiceService implements OnModuleInit {
  private readonly logger = new Logger(VoiceService.name);

  constructor(
    private readonly repo: VoiceMessagesRepository,
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define(voiceQueue(this.config));
  }

  /**
   * Stores the note and queues its job, atomically; a second call for the same update is a no-op (false).
   * The webhook acknowledges the update once this returns: the work is durable from here on.
   */
  async enqueue(userId: string, note: VoiceNote): Promise<boolean> {
    const row: NewVoiceMessage = {
      userId,
      updateId: BigInt(note.updateId),
      chatId: BigInt(note.chatId),
      messageId: BigInt(note.messageId),
      kind: note.kind,
      fileId: note.fileId,
      fileUniqueId: note.fileUniqueId,
      mimeType: (note.mimeType || DEFAULT_MIME[note.kind]).slice(0, 64),
      durationSeconds: Math.max(0, Math.round(note.durationSeconds)),
      fileSize: note.fileSize ?? null,
      sentAt: note.sentAt,
    };
    const created = await this.dataSource.transaction(async (em) => {
      const id = await this.repo.insertOnce(em, row);
      if (id) await this.jobs.send<VoiceJob>(VOICE_QUEUE_NAME, { voiceMessageId: id }, { id, manager: em });
      return id !== null;
    });
    if (created) {
      this.jobs.wake(VOICE_QUEUE_NAME);
      this.logger.log(
        `Voice message queued: update_id=${note.updateId}, chat_id=${note.chatId}, user_id=${userId}, kind=${note.kind}, duration=${note.durationSeconds}s`,
      );
    }
    return created;
  }

  find(id: string): Promise<VoiceMessage | null> {
    return this.repo.findById(id);
  }

  countAttempt(id: string): Promise<void> {
    return this.repo.countAttempt(id);
  }

  saveTranscript(id: string, transcript: string): Promise<void> {
    return this.repo.saveTranscript(id, transcript.slice(0, 4000));
  }

  saveReply(id: string, reply: StoredReply): Promise<boolean> {
    return this.repo.saveReply(id, reply);
  }

  /** True for the one caller that may send the note's "still trying…" message (voice-messages.repository.ts). */
  claimProgress(id: string): Promise<boolean> {
    return this.repo.claimProgress(id);
  }

  saveProgressMessage(id: string, messageId: number): Promise<void> {
    return this.repo.saveProgressMessage(id, BigInt(messageId));
  }

  releaseProgress(id: string): Promise<void> {
    return this.repo.releaseProgress(id);
  }

  markDone(id: string): Promise<void> {
    return this.repo.finish(id, 'done');
  }

  markFailed(id: string, error: string): Promise<void> {
    return this.repo.finish(id, 'failed', error.slice(0, 32));
  }
}
