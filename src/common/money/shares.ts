/**
 * Shares of a whole, rounded once so that they add up exactly: the largest-remainder (Hamilton) method in integer
 * arithmetic. Each part first gets floor(amount × units / total); the units still missing go one each to the parts
 * with the largest remainders (ties: the larger amount, then the earlier part). With `units` 100 they are whole
 * percentages, 1000 tenths of a percent, 10000 basis points — and they always add up to exactly `units`.
 */
export function apportion(amounts: readonly bigint[], units: number): number[] {
  const total = amounts.reduce((sum, a) => sum + a, 0n);
  if (total <= 0n) return amounts.map(() => 0);
  const scale = BigInt(units);
  const parts = amounts.map((amount, index) => {
    const scaled = amount * scale;
    return { index, amount, floor: scaled / total, remainder: scaled % total };
  });
  let left = scale - parts.reduce((sum, p) => sum + p.floor, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.amount !== b.amount
        ? a.amount > b.amount
          ? -1
          : 1
        : a.index - b.index,
  );
  for (const part of order) {
    if (left <= 0n) break;
    if (part.remainder === 0n) continue;
    part.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}
