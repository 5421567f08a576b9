import type { Logger } from '@nestjs/common';

/** How long a shutdown waits for work under way (a few messages through Telegram's send limits). */
export const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Work a request starts but must not wait for (telling household members, budget warnings): run one task after
 * another in the background, a failure logged and never thrown at the request that started it. Tests wait for it
 * with `settled`; a shutdown lets it finish for a few seconds at most with `drain`.
 */
export class BackgroundWork {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    /** The start of the log line when a task fails ("Household news not sent"). */
    private readonly failure: string,
  ) {}

  add(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((error: unknown) => {
      this.logger.error(`${this.failure}: ${(error as Error)?.message ?? String(error)}`);
    });
  }

  /** Resolves once every task added so far, and any they added, has finished. */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  /** Lets the work under way finish, for `ms` at most (the process is going down). */
  async drain(ms = SHUTDOWN_WAIT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    });
    await Promise.race([this.settled(), cap]);
    clearTimeout(timer);
  }
}
