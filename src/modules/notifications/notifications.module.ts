import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { isBotEnabled } from '../../config/bot-enabled';
import { DebtsModule } from '../debts/debts.module';
import { HouseholdsModule } from '../households/households.module';
import { PlannedPaymentsModule } from '../planned/planned-payments.module';
import { RecurringModule } from '../recurring/recurring.module';
import { RecurringRunner, RecurringScheduler } from '../recurring/recurring.scheduler';
import { TransactionsModule } from '../transactions/transactions.module';
import { UsersModule } from '../users/users.module';
import { HouseholdNotifier } from './household-notifier';
import { HouseholdExpenseNotifier } from './household-expense-notifier';
import { CategoriesModule } from '../categories/categories.module';
import { RatesModule } from '../rates/rates.module';
import { realTime } from './rate-limiter';
import { ReminderScheduler, RemindersService } from './reminders.service';
import { SentReminder } from './sent-reminder.entity';
import { SentRemindersRepository } from './sent-reminders.repository';
import { BOT_API, httpBotApi, SENDER_TIME, TelegramSender } from './telegram-sender';

/**
 * Messages the bot starts itself: debt due-date reminders, the daily nudge, planned payments' reminders and the news
 * household members are told, sent within Telegram's limits.
 * Only with the bot on (a token and BOT_MODE other than none).
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule[] {
    if (!isBotEnabled(config)) return [];
    return [
      {
        module: NotificationsModule,
        imports: [
          TypeOrmModule.forFeature([SentReminder]),
          UsersModule,
          DebtsModule,
          TransactionsModule,
          PlannedPaymentsModule,
          HouseholdsModule,
          CategoriesModule,
          RatesModule,
          // recurring payments' due-day run (docs/recurring.md)
          RecurringModule,
        ],
        providers: [
          { provide: BOT_API, inject: [AppConfig], useFactory: httpBotApi },
          { provide: SENDER_TIME, useValue: realTime },
          TelegramSender,
          SentRemindersRepository,
          RemindersService,
          ReminderScheduler,
          HouseholdNotifier,
          HouseholdExpenseNotifier,
          RecurringRunner,
          RecurringScheduler,
        ],
        exports: [TelegramSender, RemindersService, HouseholdNotifier, HouseholdExpenseNotifier],
      },
    ];
  }
}
