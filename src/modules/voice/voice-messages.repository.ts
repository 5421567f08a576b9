import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { VoiceMessage, VoiceStatus } from './voice-message.entity';

export type NewVoiceMessage = Pick<
  VoiceMessage,
  'userId' | 'updateId' | 'chatId' | 'messageId' | 'kind' | 'fileId' | 'fileUniqueId' | 'mimeType' | 'durationSeconds' | 'fileSize' | 'sentAt'
>;

/** SQL of voice_messages. */
@Injectable()
export class VoiceMessagesRepository {
  constructor(@InjectRepository(VoiceMessage) private readonly repo: Repository<VoiceMessage>) {}

  /** Inserts the note once per (user, update); returns the row and whether this call created it. */
  async insertOnce(em: EntityManager, note: NewVoiceMessage): Promise<{ row: VoiceMessage; created: boolean }> {
    const inserted = await em.createQueryBuilder().insert().into(VoiceMessage).values(note).orIgnore().returning('id').execute();
    const created = inserted.raw.length > 0;
    const row = await em.findOneByOrFail(VoiceMessage, { userId: note.userId, updateId: note.updateId });
    return { row, created };
  }

  findById(id: string): Promise<VoiceMessage | null> {
    return this.repo.findOneBy({ id });
  }

  /** Counts one more processing attempt. */
  async countAttempt(id: string): Promise<void> {
    await this.repo.createQueryBuilder().update().set({ attempts: () => 'attempts + 1' }).where('id = :id', { id }).execute();
  }

  async saveTranscript(id: string, transcript: string): Promise<void> {
    await this.repo.update({ id, status: 'queued' }, { transcript, status: 'transcribed' });
  }

  async finish(id: string, status: Extract<VoiceStatus, 'done' | 'failed'>, error: string | null = null): Promise<void> {
    await this.repo.update({ id }, { status, error });
  }
}
