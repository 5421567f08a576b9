import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintTransformer } from '../../database/transformers';
import { User } from '../users/user.entity';

export type VoiceKind = 'voice' | 'audio' | 'video_note';
/**
 * queued → transcribed → answered (the phrase was applied and its reply stored) → done (reply sent); or failed (told
 * the user, nothing recorded).
 */
export type VoiceStatus = 'queued' | 'transcribed' | 'answered' | 'done' | 'failed';

/** The reply worked out for a note, kept so a retry sends it again instead of applying the phrase twice. */
export interface StoredReply {
  text: string;
  markup?: unknown;
}

/** One voice note to process; its id is its job's id. Constraints mirror the migration. */
@Entity({ name: 'voice_messages' })
@Unique('uq_voice_messages_update', ['userId', 'updateId'])
@Check('ck_voice_messages_kind', `kind IN ('voice', 'audio', 'video_note')`)
@Check('ck_voice_messages_status', `status IN ('queued', 'transcribed', 'answered', 'done', 'failed')`)
@Check('ck_voice_messages_duration', `duration_seconds >= 0`)
@Check('ck_voice_messages_transcript_length', `char_length(transcript) <= 4000`)
@Check('ck_voice_messages_progress_claimed', `progress_message_id IS NULL OR progress_claimed_at IS NOT NULL`)
@Check('ck_voice_messages_progress_message_id', `progress_message_id > 0`)
export class VoiceMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_voice_messages' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_voice_messages_user' })
  user?: User;

  @Column({ name: 'update_id', type: 'bigint', transformer: bigintTransformer })
  updateId: bigint;

  @Column({ name: 'chat_id', type: 'bigint', transformer: bigintTransformer })
  chatId: bigint;

  @Column({ name: 'message_id', type: 'bigint', transformer: bigintTransformer })
  messageId: bigint;

  @Column({ type: 'varchar', length: 10 })
  kind: VoiceKind;

  @Column({ name: 'file_id', type: 'varchar', length: 255 })
  fileId: string;

  @Column({ name: 'file_unique_id', type: 'varchar', length: 64 })
  fileUniqueId: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 64 })
  mimeType: string;

  @Column({ name: 'duration_seconds', type: 'integer' })
  durationSeconds: number;

  @Column({ name: 'file_size', type: 'integer', nullable: true })
  fileSize: number | null;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status: VoiceStatus;

  @Column({ type: 'text', nullable: true })
  transcript: string | null;

  @Column({ type: 'jsonb', nullable: true })
  reply: StoredReply | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When an attempt took the right to send the note's one "still trying…" message (null: nobody yet). */
  @Column({ name: 'progress_claimed_at', type: 'timestamptz', nullable: true })
  progressClaimedAt: Date | null;

  /** That message, once Telegram accepted it: the final answer edits it instead of sending another. */
  @Column({ name: 'progress_message_id', type: 'bigint', nullable: true, transformer: bigintTransformer })
  progressMessageId: bigint | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
