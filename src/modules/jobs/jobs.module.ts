import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The durable job engine (pg-boss on the app's PostgreSQL), shared by every module that queues work. */
@Global()
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
