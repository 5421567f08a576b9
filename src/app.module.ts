import { ClockModule } from './common/time/clock';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { BotModule } from './modules/bot/bot.module';
import { BudgetsModule } from './modules/budgets/budgets.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { DebtsModule } from './modules/debts/debts.module';
import { GoalsModule } from './modules/goals/goals.module';
import { HouseholdsModule } from './modules/households/households.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ForecastModule } from './modules/forecast/forecast.module';
import { RecurringModule } from './modules/recurring/recurring.module';
import { StatsModule } from './modules/stats/stats.module';
import { TransactionsModule } from './modules/transactions/transactions.module';
import { UsersModule } from './modules/users/users.module';

/** Composition only. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        RateLimitModule,
        JobsModule,
        HealthModule,
        UsersModule,
        AuthModule,
        CategoriesModule,
        TransactionsModule,
        StatsModule,
        PrivacyModule,
        GoalsModule,
        DebtsModule,
        HouseholdsModule,
        BudgetsModule,
        RecurringModule,
        ForecastModule,
        ...BotModule.forRoot(config),
        ...NotificationsModule.forRoot(config),
      ],
    };
  }
}
