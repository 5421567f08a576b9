import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ReminderKind, SentReminder } from './sent-reminder.entity';

/** The sent_reminders table: a reminder is claimed (INSERT … ON CONFLICT DO NOTHING) before it is sent. */
@Injectable()
export class SentRemindersRepository {
  constructor(@InjectRepository(SentReminder) private readonly repo: Repository<SentReminder>) {}

  /** True when this call took the key (it was never sent); false when another tick or instance has it. */
  async claim(userId: string, kind: ReminderKind, key: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.repo.query(
      `WITH claimed AS (
         INSERT INTO sent_reminders (user_id, kind, reminder_key) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT uq_sent_reminders_key DO NOTHING RETURNING id)
       SELECT id FROM claimed`,
      [userId, kind, key],
    );
    return rows.length === 1;
  }

  /** Gives a key back after a send that failed for a passing reason, so a later tick tries again. */
  async release(userId: string, kind: ReminderKind, key: string): Promise<void> {
    await this.repo.delete({ userId, kind, reminderKey: key });
  }

  async purgeOlderThan(days: number): Promise<number> {
    const result = await this.repo
      .createQueryBuilder()
      .delete()
      .where(`sent_at < now() - make_interval(days => :days)`, { days })
      .execute();
    return result.affected ?? 0;
  }
}
