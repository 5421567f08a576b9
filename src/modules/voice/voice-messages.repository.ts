import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StoredReply, VoiceMessage, VoiceStatus } from './voice-message.entity';

export type NewVoiceMessage = Pick<
  VoiceMessage,
  | 'userId'
  | 'updateId'
  | 'chatId'
  | 'messageId'
  | 'kind'
  | 'fileId'
  | 'fileUniqueId'
  | 'mimeType'
  | 'durationSeconds'
  | 'fileSize'
  | 'sentAt'
>;

/** SQL of voice_messages. */
@Injectable()
export class VoiceMessagesRepository {
  constructor(@InjectRepository(VoiceMessage) private readonly repo: Repository<VoiceMessage>) {}

  /** Inserts the note once per (user, update); resolves to the new row's id, or null when it already existed. */
  async insertOnce(em: EntityManager, note: NewVoiceMessage): Promise<string | null> {
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(VoiceMessage)
      .values(note)
      .orIgnore()
      .returning('id')
      .execute();
    const rows = inserted.raw as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  findById(id: string): Promise<VoiceMessage | null> {
    return this.repo.findOneBy({ id });
  }

  /** Counts one more processing attempt. */
  async countAttempt(id: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async saveTranscript(id: string, transcript: string): Promise<void> {
    await this.repo.update({ id, status: 'queued' }, { transcript, status: 'transcribed' });
  }

  /** Keeps the reply of an applied note (status answered); false when the note was not in `transcribed`. */
  async saveReply(id: string, reply: StoredReply): Promise<boolean> {
    const result = await this.repo.update(
      { id, status: 'transcribed' },
      { reply: reply as never, status: 'answered' },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Takes the right to send the note's one "still trying…" message: true for exactly one caller, and only while the
   * note is still being recognised.
   */
  async claimProgress(id: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ progressClaimedAt: () => 'now()' })
      .where('id = :id AND progress_claimed_at IS NULL AND status IN (:...open)', {
        id,
        open: ['queued', 'transcribed'],
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async saveProgressMessage(id: string, messageId: bigint): Promise<void> {
    await this.repo.update({ id }, { progressMessageId: messageId });
  }

  /** Gives the claim back (Telegram refused the message, so it was not sent): a later attempt may send it. */
  async releaseProgress(id: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ progressClaimedAt: null })
      .where('id = :id AND progress_message_id IS NULL', { id })
      .execute();
  }

  async finish(
    id: string,
    status: Extract<VoiceStatus, 'done' | 'failed'>,
    error: string | null = null,
  ): Promise<void> {
    await this.repo.update({ id }, { status, error });
  }
}
