/**
 * Plural forms after a number, per language (the Unicode CLDR rules for integers):
 * - ru: one (1, 21, 101 — not 11), few (2–4, 22–24 — not 12–14), many (0, 5–20, 25, …);
 * - en: one (1), other;
 * - uz: the noun stays singular after a number ("3 ta yozuv"), so there is one form.
 */
export type RuForms = readonly [one: string, few: string, many: string];

export function pluralRu(n: number | bigint, [one, few, many]: RuForms): string {
  const abs = BigInt(n) < 0n ? -BigInt(n) : BigInt(n);
  const d = abs % 10n;
  const dd = abs % 100n;
  if (d === 1n && dd !== 11n) return one;
  if (d >= 2n && d <= 4n && (dd < 12n || dd > 14n)) return few;
  return many;
}

export function pluralEn(n: number | bigint, one: string, other: string): string {
  return BigInt(n) === 1n ? one : other;
}
