import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';

export type ReminderKind = 'debt_due' | 'daily';

/** One reminder that went out; the unique (user, kind, key) makes each reminder go out once. Mirrors 1764401000000. */
@Entity({ name: 'sent_reminders' })
@Check('ck_sent_reminders_kind', `kind IN ('debt_due', 'daily')`)
@Unique('uq_sent_reminders_key', ['userId', 'kind', 'reminderKey'])
export class SentReminder {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sent_reminders_user' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  kind: ReminderKind;

  @Column({ name: 'reminder_key', type: 'varchar', length: 100 })
  reminderKey: string;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
