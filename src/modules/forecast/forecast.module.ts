import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { CategoriesModule } from '../categories/categories.module';
import { HouseholdsModule } from '../households/households.module';
import { RatesModule } from '../rates/rates.module';
import { RecurringModule } from '../recurring/recurring.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { UsersModule } from '../users/users.module';
import { ForecastController } from './forecast.controller';
import { ForecastService } from './forecast.service';

/**
 * The month-end forecast (docs/forecast.md): a module of its own rather than a part of stats/, because it reads
 * budgets, recurring rules and rates, which the statistics module (records only) does not need.
 */
@Module({
  imports: [
    UsersModule,
    HouseholdsModule,
    TransactionsModule,
    RecurringModule,
    BudgetsModule,
    CategoriesModule,
    RatesModule,
  ],
  controllers: [ForecastController],
  providers: [ForecastService],
  exports: [ForecastService],
})
export class ForecastModule {}
