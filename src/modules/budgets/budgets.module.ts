import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { HouseholdsModule } from '../households/households.module';
import { RatesModule } from '../rates/rates.module';
import { UsersModule } from '../users/users.module';
import { BudgetAlert } from './budget-alert.entity';
import { TelegramBudgetAlertSender } from './budget-alert.sender';
import { Budget } from './budget.entity';
import { BudgetsController } from './budgets.controller';
import { BudgetsRepository } from './budgets.repository';
import { BUDGET_ALERT_SENDER, BudgetsService } from './budgets.service';

/**
 * Budgets (docs/budgets.md): REST, the service the bot calls, and the warnings, sent through the notifications
 * module's rate-limited sender when the bot is on (without it, budgets work and nothing is sent).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Budget, BudgetAlert]),
    UsersModule,
    HouseholdsModule,
    CategoriesModule,
    RatesModule,
  ],
  controllers: [BudgetsController],
  providers: [
    BudgetsRepository,
    BudgetsService,
    { provide: BUDGET_ALERT_SENDER, useClass: TelegramBudgetAlertSender },
  ],
  exports: [BudgetsService],
})
export class BudgetsModule {}
