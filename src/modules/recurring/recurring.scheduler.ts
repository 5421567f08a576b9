import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { CLOCK, type Clock } from '../../common/time/clock';
import { SendOutcome, TelegramSender } from '../notifications/telegram-sender';
import { UsersService } from '../users/users.service';
import { askKeyboard } from './recurring.buttons';
import { dueOccurrences } from './recurring.schedule';
import { RecurringService } from './recurring.service';
import { askText, recordedText, RECURRING_TEXTS, ruleMoney } from './recurring.texts';

export interface RecurringRun {
  recorded: number;
  asked: number;
  failed: number;
}

/**
 * The due-day run (docs/recurring.md): every occurrence due (09:00 local on its date, missed ones of the last 31 days
 * once) is claimed in recurring_occurrences and then recorded (auto) and told, or asked about with buttons. The claim
 * makes it once across instances, overlapping ticks and restarts.
 */
@Injectable()
export class RecurringRunner {
  private readonly logger = new Logger(RecurringRunner.name);

  constructor(
    private readonly recurring: RecurringService,
    private readonly sender: TelegramSender,
    private readonly users: UsersService,
  ) {}

  async runDue(now: Date): Promise<RecurringRun> {
    const run: RecurringRun = { recorded: 0, asked: 0, failed: 0 };
    for (const a of await this.recurring.active(now)) {
      for (const date of dueOccurrences(a.rule, a.rule.startsOn, now, a.timezone, new Set(a.handled))) {
        if (a.rule.auto) {
          const outcome = await this.recurring.recordAuto(a.rule, date, a.timezone);
          if (outcome === 'taken') continue;
          if (outcome === 'failed') {
            run.failed++;
            await this.send(
              a.chatId,
              `${RECURRING_TEXTS[a.language].failed} ${ruleMoney(a.language, a.rule, a.rule.amount)}`,
            );
            continue;
          }
          run.recorded++;
          this.logger.log(`Recurring recorded: recurring_id=${a.rule.id}, date=${date}`);
          await this.send(a.chatId, recordedText(a.language, a.rule, a.rule.amount));
        } else {
          const id = await this.recurring.claimAsk(a.rule, date);
          if (!id) continue;
          const outcome = await this.send(
            a.chatId,
            askText(a.language, a.rule, date),
            askKeyboard(a.language, id),
          );
          if (outcome === 'failed') {
            run.failed++;
            await this.recurring.releaseAsk(id);
          } else if (outcome === 'sent') run.asked++;
        }
      }
    }
    if (run.recorded || run.asked || run.failed)
      this.logger.log(`Recurring run: recorded=${run.recorded}, asked=${run.asked}, failed=${run.failed}`);
    return run;
  }

  private async send(chatId: bigint, text: string, markup?: unknown): Promise<SendOutcome> {
    let outcome: SendOutcome;
    try {
      outcome = await this.sender.send(chatId, text, markup);
    } catch (error) {
      this.logger.error(`Recurring message not sent: ${(error as Error).message}`);
      outcome = 'failed';
    }
    if (outcome === 'blocked') await this.users.setActiveByChatId(chatId, false);
    return outcome;
  }
}

/** The job engine's queue of the recurring tick (one job a minute across all instances). */
export const RECURRING_QUEUE = 'recurring';

/** Runs RecurringRunner once a minute on pg-boss; `stop()` lets tests drive runDue with their own clock. */
@Injectable()
export class RecurringScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecurringScheduler.name);
  private enabled = true;

  constructor(
    private readonly runner: RecurringRunner,
    private readonly jobs: JobsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.jobs.define({
        name: RECURRING_QUEUE,
        retryLimit: 0,
        retryDelay: 0,
        retryBackoff: false,
        expireInSeconds: 300,
      });
      await this.jobs.work(RECURRING_QUEUE, () => this.tick(), { pollingIntervalSeconds: 10 });
      await this.jobs.schedule(RECURRING_QUEUE, '* * * * *');
    } catch (error) {
      this.logger.error(`Recurring schedule not set up: ${(error as Error).message}`);
    }
  }

  stop(): void {
    this.enabled = false;
  }

  async tick(): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.runner.runDue(this.clock.now());
    } catch (error) {
      this.logger.error(`Recurring run failed: ${(error as Error).message}`);
    }
  }
}
