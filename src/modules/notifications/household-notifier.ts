import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { HouseholdEvent } from '../households/households.events';
import { HouseholdsService } from '../households/households.service';
import { UsersService } from '../users/users.service';
import { householdNewsText } from './household-news.texts';
import { TelegramSender } from './telegram-sender';
import { BackgroundWork } from '../../common/background/background-work';

/**
 * Tells household members what changed (docs/households.md, "Bot"): HouseholdsService announces a join, leave,
 * removal, erasure, hand-over or dissolution after it is committed, and this sends each recipient one short message
 * in their language through the rate-limited TelegramSender. Sending happens in the background, one event after
 * another: the request that made the change does not wait for Telegram, and a failed send changes nothing.
 */
@Injectable()
export class HouseholdNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(HouseholdNotifier.name);
  private readonly work = new BackgroundWork(this.logger, 'Household news not sent');

  constructor(
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly sender: TelegramSender,
  ) {}

  onModuleInit(): void {
    this.households.onEvent((event) => {
      this.work.add(() => this.tell(event));
    });
  }

  /** Resolves once every message announced so far was sent or given up (tests, shutdown). */
  settled(): Promise<void> {
    return this.work.settled();
  }

  /** Lets the news under way go out, for a few seconds at most. */
  onApplicationShutdown(): Promise<void> {
    return this.work.drain();
  }

  private async tell(event: HouseholdEvent): Promise<void> {
    let sent = 0;
    for (const id of event.recipients) {
      const user = await this.users.getById(id).catch(() => null);
      if (!user?.isActive) continue;
      const outcome = await this.sender.send(
        user.telegramChatId,
        householdNewsText(user.language, event, id),
      );
      if (outcome === 'blocked') await this.users.setActiveByChatId(user.telegramChatId, false);
      if (outcome === 'sent') sent++;
    }
    this.logger.log(`Household news (${event.kind}): told ${sent} of ${event.recipients.length} members`);
  }
}
