import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Removes expired Idempotency-Keys of all users once an hour (claims already drop the caller's own expired keys;
 * this catches users who never post again). Failures are logged and retried at the next sweep.
 */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencySweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly keys: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const removed = await this.keys.deleteExpired();
      if (removed) this.logger.log(`Removed ${removed} expired Idempotency-Key(s)`);
      return removed;
    } catch (error) {
      this.logger.warn(`Idempotency-Key sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
