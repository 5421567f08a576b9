import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { DownloadsModule } from '../downloads/downloads.module';
import { RatesModule } from '../rates/rates.module';
import { UsersModule } from '../users/users.module';
import { HouseholdsModule } from '../households/households.module';
import { CardNotificationsRepository } from './card-notifications.repository';
import { CardNotificationsService } from './card-notifications.service';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotencySweeper } from './idempotency.sweeper';
import { Transaction } from './transaction.entity';
import { TransactionsController } from './transactions.controller';
import { TransactionsRepository } from './transactions.repository';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Transaction]),
    UsersModule,
    CategoriesModule,
    RatesModule,
    DownloadsModule,
    HouseholdsModule,
  ],
  controllers: [TransactionsController],
  providers: [
    TransactionsRepository,
    IdempotencyRepository,
    IdempotencySweeper,
    TransactionsService,
    CardNotificationsRepository,
    CardNotificationsService,
  ],
  exports: [TransactionsService, CardNotificationsService],
})
export class TransactionsModule {}
