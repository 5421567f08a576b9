import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { UsersModule } from '../users/users.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { StatsChart } from './stats.chart';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** Statistics: GET /api/analytics/summary/, and the summaries and chart images the bot sends. */
@Module({
  imports: [UsersModule, CategoriesModule, TransactionsModule],
  controllers: [StatsController],
  providers: [StatsRepository, StatsService, StatsChart],
  exports: [StatsService, StatsChart],
})
export class StatsModule {}
