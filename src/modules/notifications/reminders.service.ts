import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { startOfLocalDay, readIsoDate, localDate } from '../../common/time/local-time';
import type { Language } from '../../config/app-config';
import { DebtsService } from '../debts/debts.service';
import { JobsService } from '../jobs/jobs.service';
import { TransactionsService } from '../transactions/transactions.service';
import { UsersService } from '../users/users.service';
import { defaultCategoryName } from '../categories/category-names';
import { isDefaultCategory } from '../categories/category-keys';
import { PlannedPaymentsService } from '../planned/planned-payments.service';
import { plannedReminderKeyboard } from './reminder-buttons';
import {
  dailyReminderDue,
  debtReminderDue,
  dueWindow,
  latestLocalDay,
  plannedReminderDue,
} from './reminders.plan';
import { dailyReminderText, dueReminderText, plannedReminderText } from './reminders.texts';
import { ReminderKind } from './sent-reminder.entity';
import { SentRemindersRepository } from './sent-reminders.repository';
import { SendOutcome, TelegramSender } from './telegram-sender';

import { CLOCK, type Clock } from '../../common/time/clock';

export interface ReminderRun {
  sent: number;
  blocked: number;
  failed: number;
}

const KEEP_SENT_DAYS = 14;

/**
 * Due-date reminders for open debts (3 days before, the day before, the day itself, from 09:00 local) and the
 * optional daily "nothing recorded today" nudge (at the user's reminder_time), and money said for a later day on
 * the day the user chose (planned_payments). Each reminder is claimed before it is sent — in sent_reminders, or on
 * the planned_payments row — so it goes out once, also with several instances ticking together. A user who
 * blocked the bot (is_active false) is skipped; a 403 from Telegram marks the user inactive.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly sender: TelegramSender,
    private readonly sent: SentRemindersRepository,
    private readonly debts: DebtsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionsService,
    private readonly planned: PlannedPaymentsService,
  ) {}

  async runDue(now: Date): Promise<ReminderRun> {
    const run: ReminderRun = { sent: 0, blocked: 0, failed: 0 };
    await this.debtReminders(now, run);
    await this.dailyReminders(now, run);
    await this.plannedReminders(now, run);
    if (run.sent || run.blocked || run.failed)
      this.logger.log(`Reminders: sent=${run.sent}, blocked=${run.blocked}, failed=${run.failed}`);
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
      await this.deliver(
        { userId: row.debt.userId, chatId: row.chatId, what: `kind=debt_due, key=${due.key}` },
        { text },
        this.claimSent(row.debt.userId, 'debt_due', due.key),
        run,
      );
    }
  }

  private async dailyReminders(now: Date, run: ReminderRun): Promise<void> {
    for (const user of await this.users.dailyReminderUsers()) {
      const key = dailyReminderDue(user.reminderTime, now, user.timezone);
      if (!key) continue;
      const today = readIsoDate(localDate(now, user.timezone))!;
      const { count } = await this.transactions.list(
        user.id,
        { dateFrom: startOfLocalDay(today, user.timezone), dateTo: now },
        { field: 'occurred_at', direction: 'DESC' },
        1,
        1,
      );
      if (count > 0) continue;
      await this.deliver(
        { userId: user.id, chatId: user.telegramChatId, what: `kind=daily, key=${key}` },
        { text: dailyReminderText(user.language) },
        this.claimSent(user.id, 'daily', key),
        run,
      );
    }
  }

  /**
   * Money said for a later day, on the day the user asked to be reminded (from 09:00 in their zone): what was planned
   * with ✅ Record / ⏭ Skip. Claimed on the planned_payments row itself (scheduled → sent), so once.
   */
  private async plannedReminders(now: Date, run: ReminderRun): Promise<void> {
    for (const p of await this.planned.scheduledUpTo(latestLocalDay(now))) {
      if (!p.remindOn || !plannedReminderDue(p.remindOn, now, p.timezone)) continue;
      const items = p.items.map((i) => ({
        description: i.description,
        categoryName: isDefaultCategory(i.type, i.category)
          ? defaultCategoryName(i.category, p.language)
          : i.category,
        amountMinor: i.amountMinor,
        currency: i.currency,
      }));
      await this.deliver(
        { userId: p.userId, chatId: p.chatId, what: `planned update_id=${p.updateId}` },
        {
          text: plannedReminderText(p.language, items),
          markup: plannedReminderKeyboard(p.language, p.updateId),
        },
        {
          claim: () => this.planned.claimReminder(p.userId, p.updateId),
          release: () => this.planned.releaseReminder(p.userId, p.updateId),
        },
        run,
      );
    }
  }

  /** A reminder claimed in sent_reminders under (user, kind, key). */
  private claimSent(userId: string, kind: ReminderKind, key: string) {
    return {
      claim: () => this.sent.claim(userId, kind, key),
      release: () => this.sent.release(userId, kind, key),
    };
  }

  /** Claims, sends, and gives the claim back when the send failed for a passing reason (a later tick tries again). */
  private async deliver(
    to: { userId: string; chatId: bigint; what: string },
    message: { text: string; markup?: unknown },
    claim: { claim(): Promise<boolean>; release(): Promise<void> },
    run: ReminderRun,
  ): Promise<void> {
    if (!(await claim.claim())) return;
    let outcome: SendOutcome;
    try {
      outcome = await this.sender.send(to.chatId, message.text, message.markup);
    } catch (error) {
      outcome = 'failed';
      this.logger.error(`Reminder not sent: user_id=${to.userId}, ${to.what}: ${(error as Error).message}`);
    }
    if (outcome === 'sent') {
      run.sent++;
      this.logger.log(`Reminder sent: user_id=${to.userId}, ${to.what}`);
    } else if (outcome === 'blocked') {
      run.blocked++;
      await this.users.setActiveByChatId(to.chatId, false);
    } else {
      run.failed++;
      await claim.release();
    }
  }
}

/** The job engine's queue that carries the reminder tick (one job a minute across all instances). */
export const REMINDERS_QUEUE = 'reminders';
const REMINDERS_CRON = '* * * * *';

/**
 * Runs RemindersService once a minute on the job engine (pg-boss cron: one tick job per minute for all instances
 * together; the sent_reminders keys would keep two overlapping runs from sending twice anyway). Purges old
 * sent_reminders rows now and then. `stop()` lets tests drive runDue with their own clock.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderScheduler.name);
  private enabled = true;
  private ticks = 0;

  constructor(
    private readonly reminders: RemindersService,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.jobs.define({
        name: REMINDERS_QUEUE,
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 300,
      });
      await this.jobs.work(REMINDERS_QUEUE, () => this.tick(), { pollingIntervalSeconds: 10 });
      await this.jobs.schedule(REMINDERS_QUEUE, REMINDERS_CRON);
    } catch (error) {
      // Reminders are not worth failing the start for: the REST API and the bot still serve.
      this.logger.error(`Reminder schedule not set up: ${(error as Error).message}`);
    }
  }

  stop(): void {
    this.enabled = false;
  }

  async tick(): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.reminders.runDue(this.clock.now());
      if (++this.ticks % 360 === 1) await this.reminders.purge();
    } catch (error) {
      this.logger.error(`Reminder run failed: ${(error as Error).message}`);
    }
  }
}
