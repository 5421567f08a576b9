/**
 * The message a member gets when another member records a household expense above the member's threshold
 * (docs/households.md, "Expense notifications"). Pure; ru default, uz Latin, en.
 */
import { formatMoney } from '../../common/money';
import type { Language } from '../../config/app-config';

export interface ExpenseNews {
  household: string;
  who: string;
  amountMinor: bigint;
  currency: string;
  categoryName: string;
  description: string;
  /** The threshold it went over, in the household's currency. */
  overMinor: bigint;
  householdCurrency: string;
}

const TEXTS: Record<Language, (n: ExpenseNews, what: string, over: string) => string> = {
  ru: (n, what, over) =>
    `👨‍👩‍👧 ${n.who} записал(а) в семью «${n.household}»: ${what}\n(больше ${over}; порог: /family)`,
  uz: (n, what, over) =>
    `👨‍👩‍👧 ${n.who} «${n.household}» oilasiga yozdi: ${what}\n(${over} dan koʻp; chegara: /family)`,
  en: (n, what, over) =>
    `👨‍👩‍👧 ${n.who} recorded to the family “${n.household}”: ${what}\n(over ${over}; limit: /family)`,
};

export function householdExpenseText(lang: Language, n: ExpenseNews): string {
  const description = n.description.trim();
  const what = `${formatMoney(n.amountMinor, n.currency)} — ${n.categoryName}${description ? `, ${description}` : ''}`;
  return TEXTS[lang](n, what, formatMoney(n.overMinor, n.householdCurrency));
}
