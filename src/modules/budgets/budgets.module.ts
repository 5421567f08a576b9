import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { CategoriesModule } from '../categories/categories.module';
import { HouseholdsModule } from '../households/households.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TelegramSender } from '../notifications/telegram-sender';
import { RatesModule } from '../rates/rates.module';
import { UsersModule } from '../users/users.module';
import { BudgetAlert } from './budget-alert.entity';
import { Budget } from './budget.entity';
import { BudgetsController } from './budgets.controller';
import { BudgetsRepository } from './budgets.repository';
import { BUDGET_ALERT_SENDER, BUDGET_CLOCK, BudgetClock, BudgetsService } from './budgets.service';

/**
 * Budgets (docs/budgets.md): REST, the service the bot calls, and the warnings, sent through the notifications
 * module's rate-limited sender when the bot is on (without it, budgets work and nothing is sent).
 */
@Module({})
export class BudgetsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BudgetsModule,
      global: false,
      imports: [
        TypeOrmModule.forFeature([Budget, BudgetAlert]),
        UsersModule,
        HouseholdsModule,
        CategoriesModule,
        RatesModule,
        ...NotificationsModule.forRoot(config),
      ],
      controllers: [BudgetsController],
      providers: [
        BudgetsRepository,
        BudgetsService,
        { provide: BUDGET_CLOCK, useFactory: (): BudgetClock => ({ now: () => new Date() }) },
        {
          provide: BUDGET_ALERT_SENDER,
          inject: [{ token: TelegramSender, optional: true }],
          useFactory: (sender?: TelegramSender) => sender ?? null,
        },
      ],
      exports: [BudgetsService],
    };
  }
}
