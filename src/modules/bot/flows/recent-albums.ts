/**
 * Albums (media groups) answered lately. Telegram delivers an album as one message per photo or file, sharing a
 * media_group_id; the bot answers the album once. Kept in memory per process: with several instances behind the
 * webhook an album may rarely get a second answer, which is harmless.
 */
export class RecentAlbums {
  /** Album key → when first seen (ms); a Map keeps insertion order, so the oldest come first. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 10_000,
  ) {}

  /** True the first time `key` is seen within the TTL; false for the album's other messages. */
  claim(key: string, now = Date.now()): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(key);
    for (const [k, since] of this.seen) {
      if (now - since < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(k);
    }
    this.seen.set(key, now);
    return true;
  }
}
