import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { HouseholdsModule } from '../households/households.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { UsersModule } from '../users/users.module';
import { RecurringOccurrence } from './recurring-occurrence.entity';
import { RecurringRule } from './recurring-rule.entity';
import { RecurringController } from './recurring.controller';
import { RecurringRepository } from './recurring.repository';
import { RecurringService } from './recurring.service';

/**
 * Recurring payments and incomes (docs/recurring.md): the REST API and the service. The due-day run
 * (recurring.scheduler.ts) sends bot messages, so it is provided by NotificationsModule, only with the bot on.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RecurringRule, RecurringOccurrence]),
    UsersModule,
    CategoriesModule,
    HouseholdsModule,
    TransactionsModule,
  ],
  controllers: [RecurringController],
  // A clock of its own (an object tests may set `now` on), not the process-wide one.
  providers: [RecurringRepository, RecurringService],
  exports: [RecurringService],
})
export class RecurringModule {}
