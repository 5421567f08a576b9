import { DynamicModule, Module } from '@nestjs/common';
import { TelegrafModule } from 'nestjs-telegraf';
import { AppConfig } from '../../config/app-config';
import { AuthModule } from '../auth/auth.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { BudgetsBot } from './flows/budgets.bot';
import { CategoriesModule } from '../categories/categories.module';
import { DebtsModule } from '../debts/debts.module';
import { GoalsModule } from '../goals/goals.module';
import { PlannedPaymentsModule } from '../planned/planned-payments.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { RatesModule } from '../rates/rates.module';
import { StatsModule } from '../stats/stats.module';
import { HouseholdsModule } from '../households/households.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { SttModule } from '../stt/stt.module';
import { UsersModule } from '../users/users.module';
import { VoiceModule } from '../voice/voice.module';
import { AsidesBot } from './flows/asides/asides.bot';
import { BotSessionsRepository } from './infra/bot-sessions.repository';
import { BotExceptionFilter } from './bot.exception-filter';
import { BotLifecycle } from './infra/bot.lifecycle';
import { isBotEnabled } from '../../config/bot-enabled';
import { telegrafOptions } from './infra/bot.options';
import { BotReportsService } from './flows/bot.reports';
import { BotService } from './flows/bot.service';
import { CardNotificationsBot } from './flows/card-notifications.bot';
import { ButtonPresses } from './flows/button-presses';
import { PhraseService } from './flows/phrase.service';
import { MessageEditsService } from './flows/message-edits.service';
import { MessageLinksRepository } from './infra/message-links.repository';
import { PlansBot } from './flows/plans.bot';
import { CategoriesBot } from './flows/categories.bot';
import { FamilyBot } from './flows/family.bot';
import { BotUpdate } from './bot.update';
import { TelegramWebhook } from './infra/bot.webhook';
import { TelegramFiles } from './infra/telegram-files';
import { UpdateGuard, UpdateGuardModule } from './infra/update-guard';
import { SenderResolver } from './infra/update-sender';
import { VoiceWorker } from './flows/voice.worker';
import { GroupsBot } from './flows/groups.bot';
import { GroupUpdate } from './group.update';
import { ForecastModule } from '../forecast/forecast.module';
import { RecurringModule } from '../recurring/recurring.module';
import { RecurringBot } from './flows/recurring.bot';

/**
 * The Telegram bot (nestjs-telegraf). Off (no module at all) when no token is configured or BOT_MODE=none.
 * The webhook route itself is mounted by configureApp (mountTelegramWebhook), ahead of the JSON parser.
 */
@Module({})
export class BotModule {
  static forRoot(config: AppConfig): DynamicModule[] {
    if (!isBotEnabled(config)) return [];
    return [
      {
        module: BotModule,
        imports: [
          TelegrafModule.forRootAsync({
            imports: [UpdateGuardModule],
            inject: [AppConfig, UpdateGuard, SenderResolver],
            useFactory: (c: AppConfig, guard: UpdateGuard, senders: SenderResolver) => ({
              ...telegrafOptions(c, guard, senders),
              include: [BotModule],
            }),
          }),
          UpdateGuardModule,
          UsersModule,
          TransactionsModule,
          CategoriesModule,
          AuthModule,
          GoalsModule,
          DebtsModule,
          VoiceModule,
          SttModule,
          StatsModule,
          PrivacyModule,
          RatesModule,
          PlannedPaymentsModule,
          HouseholdsModule,
          // Budgets (docs/budgets.md).
          BudgetsModule,
          // Recurring payments (docs/recurring.md).
          RecurringModule,
          // The month-end forecast under /stats (docs/forecast.md).
          ForecastModule,
        ],
        providers: [
          BotSessionsRepository,
          BotService,
          BotReportsService,
          PhraseService,
          ButtonPresses,
          PlansBot,
          CategoriesBot,
          FamilyBot,
          CardNotificationsBot,
          AsidesBot,
          BotUpdate,
          BotExceptionFilter,
          BotLifecycle,
          TelegramWebhook,
          TelegramFiles,
          VoiceWorker,
          MessageLinksRepository,
          MessageEditsService,
          // Group chats (docs/households.md, "Group chats").
          GroupsBot,
          GroupUpdate,
          // Budgets (docs/budgets.md).
          BudgetsBot,
          // Recurring payments (docs/recurring.md).
          RecurringBot,
        ],
      },
    ];
  }
}
