import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { Debt } from './debt.entity';
import { DebtsController } from './debts.controller';
import { DebtsRepository } from './debts.repository';
import { DebtsService } from './debts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Debt]), UsersModule],
  controllers: [DebtsController],
  providers: [DebtsRepository, DebtsService],
  exports: [DebtsService],
})
export class DebtsModule {}
