import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { startOfLocalDay, readIsoDate, localDate } from '../../common/time/local-time';
import type { Language } from '../../config/app-config';
import { DebtsService } from '../debts/debts.service';
import { TransactionsService } from '../transactions/transactions.service';
import { UsersService } from '../users/users.service';
import { dailyReminderDue, debtReminderDue, dueWindow } from './reminders.plan';
import { dailyReminderText, dueReminderText } from './reminders.texts';
import { ReminderKind } from './sent-reminder.entity';
import { SentRemindersRepository } from './sent-reminders.repository';
import { SendOutcome, TelegramSender } from './telegram-sender';

/** Where "now" comes from; tests give a fixed clock. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };

export interface ReminderRun {
  sent: number;
  blocked: number;
  failed: number;
}

const TICK_MS = 60_000;
const KEEP_SENT_DAYS = 14;

/**
 * Due-date reminders for open debts (3 days before, the day before, the day itself, from 09:00 local) and the
 * optional daily "nothing recorded today" nudge (at the user's reminder_time). Each reminder is claimed in
 * sent_reminders before it is sent, so it goes out once, also with several instances ticking together. A user who
 * blocked the bot (is_active false) is skipped; a 403 from Telegram marks the user inactive.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly sender: TelegramSender,
    private readonly sent: SentRemindersRepository,
    private readonly debts: DebtsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionsService,
  ) {}

  async runDue(now: Date): Promise<ReminderRun> {
    const run: ReminderRun = { sent: 0, blocked: 0, failed: 0 };
    await this.debtReminders(now, run);
    await this.dailyReminders(now, run);
    if (run.sent || run.blocked || run.failed) this.logger.log(`Напоминания: sent=${run.sent}, blocked=${run.blocked}, failed=${run.failed}`);
    return run;
  }

  purge(): Promise<number> {
    return this.sent.purgeOlderThan(KEEP_SENT_DAYS);
  }

  private async debtReminders(now: Date, run: ReminderRun): Promise<void> {
    const { from, to } = dueWindow(now);
    for (const row of await this.debts.openDueBetween(from, to)) {
      const due = debtReminderDue({ id: row.debt.id, dueDate: row.debt.dueDate! }, now, row.timezone);
      if (!due) continue;
      const text = dueReminderText(row.language as Language, {
        daysLeft: due.daysLeft,
        direction: row.debt.direction,
        counterparty: row.debt.counterparty,
        remainingMinor: row.debt.amount - row.debt.repaidAmount,
        currency: row.debt.currency,
        dueDate: row.debt.dueDate!,
      });
      await this.deliver(row.debt.userId, row.chatId, 'debt_due', due.key, text, run);
    }
  }

  private async dailyReminders(now: Date, run: ReminderRun): Promise<void> {
    for (const user of await this.users.dailyReminderUsers()) {
      const key = dailyReminderDue(user.reminderTime, now, user.timezone);
      if (!key) continue;
      const today = readIsoDate(localDate(now, user.timezone))!;
      const { count } = await this.transactions.list(user.id, { dateFrom: startOfLocalDay(today, user.timezone), dateTo: now }, { field: 'occurred_at', direction: 'DESC' }, 1, 1);
      if (count > 0) continue;
      await this.deliver(user.id, user.telegramChatId, 'daily', key, dailyReminderText(user.language), run);
    }
  }

  private async deliver(userId: string, chatId: bigint, kind: ReminderKind, key: string, text: string, run: ReminderRun): Promise<void> {
    if (!(await this.sent.claim(userId, kind, key))) return;
    let outcome: SendOutcome;
    try {
      outcome = await this.sender.send(chatId, text);
    } catch (error) {
      outcome = 'failed';
      this.logger.error(`Напоминание не отправлено: user_id=${userId}, kind=${kind}: ${(error as Error).message}`);
    }
    if (outcome === 'sent') {
      run.sent++;
      this.logger.log(`Напоминание отправлено: user_id=${userId}, kind=${kind}, key=${key}`);
    } else if (outcome === 'blocked') {
      run.blocked++;
      await this.users.setActiveByChatId(chatId, false);
    } else {
      run.failed++;
      await this.sent.release(userId, kind, key); // a later tick tries again
    }
  }
}

/**
 * Runs RemindersService every minute (one run at a time per instance; the sent_reminders keys keep instances from
 * sending twice). Started after the app is up, stopped on shutdown; `stop()` lets tests drive runDue themselves.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticks = 0;

  constructor(
    private readonly reminders: RemindersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reminders.runDue(this.clock.now());
      if (++this.ticks % 360 === 1) await this.reminders.purge();
    } catch (error) {
      this.logger.error(`Reminder run failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
