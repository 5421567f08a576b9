import { Module } from '@nestjs/common';
import { TransactionsModule } from '../transactions/transactions.module';
import { PlannedPaymentsRepository } from './planned-payments.repository';
import { PlannedPaymentsService } from './planned-payments.service';

/** Money said for a later day: kept, reminded of on its day, recorded when the user says so (docs/asides.md). */
@Module({
  imports: [TransactionsModule],
  providers: [PlannedPaymentsRepository, PlannedPaymentsService],
  exports: [PlannedPaymentsService],
})
export class PlannedPaymentsModule {}
