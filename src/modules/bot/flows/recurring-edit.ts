/**
 * The answer to ✏️ under a rule of /recurring (docs/recurring.md, "Editing in the bot"): a new amount, and
 * optionally a new day said as "день: 15" / "kun: 15" / "day 15" (before or after the amount). Pure.
 */

/** "день: 15", "kun 15", "Day=15": a word for the day, then one or two digits. */
const DAY_RE = /(?<![\p{L}\d])(?:день|kun|day)\s*[:=]?\s*(\d{1,2})(?![\p{L}\d])/iu;

/** The day the answer names (null: none) and what is left of it, the amount's text ("" when it named only a day). */
export function splitEditAnswer(text: string): { amountText: string; day: number | null } {
  const m = DAY_RE.exec(text);
  if (!m) return { amountText: text.trim(), day: null };
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
  return { amountText: rest.replace(/^[\s,;.]+|[\s,;.]+$/g, ''), day: Number(m[1]) };
}
