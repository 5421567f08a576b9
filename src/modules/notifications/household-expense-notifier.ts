import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { CategoriesService } from '../categories/categories.service';
import { HouseholdsService } from '../households/households.service';
import { RatesService } from '../rates/rates.service';
import type { Transaction } from '../transactions/transaction.entity';
import { TransactionsService } from '../transactions/transactions.service';
import { UsersService } from '../users/users.service';
import { householdExpenseText } from './household-expense.texts';
import { TelegramSender } from './telegram-sender';
import { BackgroundWork } from '../../common/background/background-work';

/**
 * Issue 14 item 7 (docs/households.md, "Expense notifications"): a household expense above a member's threshold
 * (household_members.notify_over, in the household's currency) is told to that member; never to the one who recorded
 * it. A record in another currency is compared at the bank's rate of its day; without a rate nobody is told (and it is
 * logged), rather than guessing. TransactionsService announces each new household record once, after commit; the
 * messages go out in the background through the rate-limited TelegramSender, so recording never waits for Telegram.
 */
@Injectable()
export class HouseholdExpenseNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(HouseholdExpenseNotifier.name);
  private readonly work = new BackgroundWork(this.logger, 'Household expense news not sent');

  constructor(
    private readonly transactions: TransactionsService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly categories: CategoriesService,
    private readonly rates: RatesService,
    private readonly sender: TelegramSender,
  ) {}

  onModuleInit(): void {
    this.transactions.onHouseholdRecorded((rows) => {
      this.work.add(() => this.tell(rows));
    });
  }

  /** Resolves once every message announced so far was sent or given up (tests, shutdown). */
  settled(): Promise<void> {
    return this.work.settled();
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.drain();
  }

  private async tell(rows: Transaction[]): Promise<void> {
    for (const row of rows) {
      if (row.type !== 'expense' || row.householdId === null) continue;
      const household = await this.households.expenseWatchers(row.householdId);
      const watchers = household?.watchers.filter((w) => w.userId !== row.userId) ?? [];
      if (!household || !watchers.length) continue;
      const amount = await this.inHouseholdCurrency(row, household.currency);
      if (amount === null) {
        this.logger.warn(
          `No rate for a household expense: ${row.currency} → ${household.currency}; nobody told`,
        );
        continue;
      }
      const maker = await this.users.getById(row.userId).catch(() => null);
      let told = 0;
      for (const watcher of watchers) {
        if (amount <= watcher.over) continue;
        const user = await this.users.getById(watcher.userId).catch(() => null);
        if (!user?.isActive) continue;
        const name = await this.categories.nameResolver(row.userId, user.language, [row.category]);
        const text = householdExpenseText(user.language, {
          household: household.name,
          who: maker?.firstName || '—',
          amountMinor: row.amount,
          currency: row.currency,
          categoryName: name(row.category),
          description: row.description,
          overMinor: watcher.over,
          householdCurrency: household.currency,
        });
        const outcome = await this.sender.send(user.telegramChatId, text);
        if (outcome === 'blocked') await this.users.setActiveByChatId(user.telegramChatId, false);
        if (outcome === 'sent') told++;
      }
      this.logger.log(`Household expense news: told ${told} of ${watchers.length} watching members`);
    }
  }

  /** The record's amount in the household's currency (the bank's rate of the record's day), or null without a rate. */
  private async inHouseholdCurrency(row: Transaction, currency: string): Promise<bigint | null> {
    if (row.currency === currency) return row.amount;
    const day = this.rates.today(row.occurredAt);
    return (await this.rates.convert(row.amount, row.currency, currency, day))?.amountMinor ?? null;
  }
}
