/**
 * Telegram's broadcast limits for one bot: about 30 messages a second overall and one a second per chat. The
 * overall rate is a sliding window (the send times of the last 30 messages: the next one waits until the oldest is
 * a second old, so no second ever holds more than 30 — a plain token bucket of 30 would let 60 through in the
 * first second), a next-free time per chat, and a global pause after a 429 (`retry_after`). Time is injected, so
 * the unit tests run on a fake clock.
 */

export interface TimeSource {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: TimeSource = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimits {
  /** Messages per second overall (and the burst size). */
  perSecond: number;
  /** Minimum gap between two messages to one chat. */
  perChatGapMs: number;
}

export const TELEGRAM_LIMITS: RateLimits = { perSecond: 30, perChatGapMs: 1000 };

const FORGET_CHATS_AFTER_MS = 60_000;

export class RateLimiter {
  /** Send times of the last `perSecond` messages, oldest first. */
  private readonly recent: number[] = [];
  private pausedUntil = 0;
  private readonly chatFreeAt = new Map<string, number>();
  /** Acquisitions are served one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limits: RateLimits = TELEGRAM_LIMITS,
    private readonly time: TimeSource = realTime,
  ) {}

  /** Resolves when one message to `chatId` may go out (and counts it). */
  acquire(chatId: string | number): Promise<void> {
    const turn = this.queue.then(() => this.take(String(chatId)));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Telegram answered 429: nothing goes out for `seconds` (and the chat waits at least that long too). */
  pause(seconds: number, chatId?: string | number): void {
    const until = this.time.now() + Math.max(0, seconds) * 1000;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    if (chatId !== undefined)
      this.chatFreeAt.set(String(chatId), Math.max(this.chatFreeAt.get(String(chatId)) ?? 0, until));
  }

  private async take(chat: string): Promise<void> {
    for (;;) {
      const now = this.time.now();
      const waits = [this.pausedUntil - now, (this.chatFreeAt.get(chat) ?? 0) - now];
      if (this.recent.length >= this.limits.perSecond) waits.push(this.recent[0] + 1000 - now);
      const wait = Math.max(0, ...waits);
      if (wait > 0) {
        await this.time.sleep(wait);
        continue;
      }
      this.recent.push(now);
      if (this.recent.length > this.limits.perSecond) this.recent.shift();
      this.chatFreeAt.set(chat, now + this.limits.perChatGapMs);
      if (this.chatFreeAt.size > 10_000) this.forget(now);
      return;
    }
  }

  private forget(now: number): void {
    for (const [chat, at] of this.chatFreeAt)
      if (at < now - FORGET_CHATS_AFTER_MS) this.chatFreeAt.delete(chat);
  }
}
