/** Progress of a goal (pure): whole percent, and the text bar the bot shows ("▓▓▓▓░░░░░░ 40%"). */

export const BAR_CELLS = 10;

/** floor(saved / target × 100), 0…100 (saving more than the target still shows 100). */
export function progressPercent(savedMinor: bigint, targetMinor: bigint): number {
  if (targetMinor <= 0n || savedMinor <= 0n) return 0;
  if (savedMinor >= targetMinor) return 100;
  return Number((savedMinor * 100n) / targetMinor);
}

/** Ten cells, one filled per whole 10 % ("▓▓▓▓░░░░░░ 40%"); a started goal shows at least one cell. */
export function progressBar(percent: number): string {
  const p = Math.max(0, Math.min(100, Math.floor(percent)));
  const filled = p === 0 ? 0 : Math.max(1, Math.floor(p / 10));
  return `${'▓'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)} ${p}%`;
}
