import { Module } from '@nestjs/common';
import { DownloadsModule } from '../downloads/downloads.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/** The user's own data: the full JSON export and the erasure. */
@Module({
  imports: [DownloadsModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService],
  exports: [PrivacyService],
})
export class PrivacyModule {}
