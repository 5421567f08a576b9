import { Module } from '@nestjs/common';
import { DownloadsService } from './downloads.service';

/** Streamed file downloads (exports): limits per user and per instance, backpressure, the stall timeout. */
@Module({
  providers: [DownloadsService],
  exports: [DownloadsService],
})
export class DownloadsModule {}
