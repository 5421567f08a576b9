import { Module } from '@nestjs/common';
import { PrivacyModule } from '../privacy/privacy.module';
import { UsersModule } from '../users/users.module';
import { HouseholdsController } from './households.controller';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';

/** Households: a family's shared wallet, its members and invites (docs/households.md). */
@Module({
  imports: [UsersModule, PrivacyModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsRepository, HouseholdsService],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
