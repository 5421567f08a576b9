/**
 * What the bot says about debts, per language (ru, uz Latin, en), and the pure formatters that fill it in.
 * A missing translation fails the type check (Record<Language, …>).
 */
import { formatAmount, formatMoney, MAX_AMOUNT_MINOR } from '../../common/money';
import { fitList } from '../../common/text/message-limit';
import type { Language } from '../../config/app-config';
import { formatIsoDate } from '../goals/goals.texts';

const D = {
  ru: {
    recorded: '🤝 Долг записан',
    owesYou: 'Вам должны',
    youOwe: 'Вы должны',
    due: (date: string) => `📅 Вернуть до ${date}`,
    until: (date: string) => `до ${date}`,
    of: (repaid: string, total: string) => `возвращено ${repaid} из ${total}`,
    listTitle: '📋 Открытые долги:',
    empty: '📋 Открытых долгов нет.\nЗапишите, например: «дал в долг Алишеру 200 долларов до 1 июня»',
    repaid: (name: string, amount: string) => `✅ Возврат: ${name} — ${amount}`,
    left: (amount: string) => `Осталось: ${amount}`,
    closed: (name: string) => `🎉 Долг закрыт: ${name}`,
    tooMuch: (amount: string) => `⚠️ Осталось вернуть только ${amount}.`,
    needAmount: '💬 Сколько? Например: «дал в долг Алишеру 200 долларов до 1 июня»',
    currencyMismatch: (name: string, currency: string) =>
      `⚠️ Долг «${name}» в ${currency}: напишите сумму в ${currency}.`,
    hint: 'Возврат: «Алишер вернул 50 долларов» или кнопкой ниже.',
    chooseAmount: (name: string, left: string) => `💵 Сколько вернули? ${name}, осталось ${left}`,
    openButton: (name: string) => `💵 ${name}`,
    allButton: (amount: string) => `Всё: ${amount}`,
    halfButton: (amount: string) => `Половину: ${amount}`,
    closeButton: '✅ Закрыть долг',
    backButton: '⬅️ Назад',
    gone: '⚠️ Этот долг уже закрыт или удалён.',
    tooLarge: (max: string) => `❌ Слишком большая сумма: не больше ${max}.`,
    more: (n: number) => `… и ещё ${n}`,
  },
  uz: {
    recorded: '🤝 Qarz yozib qoʻyildi',
    owesYou: 'Sizga qarzdor',
    youOwe: 'Siz qarzdorsiz',
    due: (date: string) => `📅 Qaytarish muddati: ${date}`,
    until: (date: string) => `${date} gacha`,
    of: (repaid: string, total: string) => `${total} dan ${repaid} qaytarildi`,
    listTitle: '📋 Ochiq qarzlar:',
    empty: '📋 Ochiq qarzlar yoʻq.\nMasalan, shunday yozing: «Alisherga 200 dollar qarz berdim»',
    repaid: (name: string, amount: string) => `✅ Qaytarildi: ${name} — ${amount}`,
    left: (amount: string) => `Qoldi: ${amount}`,
    closed: (name: string) => `🎉 Qarz yopildi: ${name}`,
    tooMuch: (amount: string) => `⚠️ Faqat ${amount} qaytarish qoldi.`,
    needAmount: '💬 Qancha? Masalan: «Alisherga 200 dollar qarz berdim»',
    currencyMismatch: (name: string, currency: string) =>
      `⚠️ «${name}» qarzi ${currency} da: summani ${currency} da yozing.`,
    hint: 'Qaytarish: «Alisher 50 dollar qaytardi» yoki quyidagi tugma bilan.',
    chooseAmount: (name: string, left: string) => `💵 Qancha qaytarildi? ${name}, qoldi ${left}`,
    openButton: (name: string) => `💵 ${name}`,
    allButton: (amount: string) => `Hammasi: ${amount}`,
    halfButton: (amount: string) => `Yarmi: ${amount}`,
    closeButton: '✅ Qarzni yopish',
    backButton: '⬅️ Orqaga',
    gone: '⚠️ Bu qarz allaqachon yopilgan yoki oʻchirilgan.',
    tooLarge: (max: string) => `❌ Summa juda katta: koʻpi bilan ${max}.`,
    more: (n: number) => `… yana ${n} ta`,
  },
  en: {
    recorded: '🤝 Debt recorded',
    owesYou: 'Owes you',
    youOwe: 'You owe',
    due: (date: string) => `📅 Due ${date}`,
    until: (date: string) => `due ${date}`,
    of: (repaid: string, total: string) => `${repaid} of ${total} repaid`,
    listTitle: '📋 Open debts:',
    empty: '📋 No open debts.\nRecord one, e.g.: “lent Alisher 200 dollars until June 1”',
    repaid: (name: string, amount: string) => `✅ Repaid: ${name} — ${amount}`,
    left: (amount: string) => `Left: ${amount}`,
    closed: (name: string) => `🎉 Debt closed: ${name}`,
    tooMuch: (amount: string) => `⚠️ Only ${amount} is left to repay.`,
    needAmount: '💬 How much? E.g.: “lent Alisher 200 dollars until June 1”',
    currencyMismatch: (name: string, currency: string) =>
      `⚠️ The debt “${name}” is in ${currency}: please give the amount in ${currency}.`,
    hint: 'Repayment: “Alisher paid back 50 dollars” or with a button below.',
    chooseAmount: (name: string, left: string) => `💵 How much was repaid? ${name}, ${left} left`,
    openButton: (name: string) => `💵 ${name}`,
    allButton: (amount: string) => `All: ${amount}`,
    halfButton: (amount: string) => `Half: ${amount}`,
    closeButton: '✅ Close the debt',
    backButton: '⬅️ Back',
    gone: '⚠️ This debt is already closed or deleted.',
    tooLarge: (max: string) => `❌ That amount is too large: at most ${max}.`,
    more: (n: number) => `… and ${n} more`,
  },
} satisfies Record<Language, Record<string, unknown>>;

export interface DebtView {
  direction: 'lent' | 'borrowed';
  counterparty: string;
  amountMinor: bigint;
  repaidMinor: bigint;
  currency: string;
  dueDate: string | null;
}

/** "Вам должны: Алишер — 150.00 USD · до 01.06.2027 (возвращено 50.00 из 200.00 USD)". */
export function debtLine(lang: Language, debt: DebtView): string {
  const t = D[lang];
  const who = debt.direction === 'lent' ? t.owesYou : t.youOwe;
  const left = formatMoney(debt.amountMinor - debt.repaidMinor, debt.currency);
  const until = debt.dueDate ? ` · ${t.until(formatIsoDate(debt.dueDate))}` : '';
  const partly =
    debt.repaidMinor > 0n
      ? ` (${t.of(formatMoney(debt.repaidMinor, debt.currency), formatMoney(debt.amountMinor, debt.currency))})`
      : '';
  return `${who}: ${debt.counterparty} — ${left}${until}${partly}`;
}

export function debtRecordedText(lang: Language, debt: DebtView): string {
  const t = D[lang];
  const lines = [`${t.recorded}`, debtLine(lang, { ...debt, dueDate: null })];
  if (debt.dueDate) lines.push(t.due(formatIsoDate(debt.dueDate)));
  return `${lines.join('\n')}\n\n${t.hint}`;
}

/** The /debts answer: open debts, numbered, nearest due date first. */
export function debtsListText(lang: Language, debts: readonly DebtView[]): string {
  const t = D[lang];
  if (!debts.length) return t.empty;
  const lines = debts.map((d, i) => `${i + 1}. ${debtLine(lang, d)}`);
  return fitList(lines.length, (shown) =>
    [
      t.listTitle,
      ...lines.slice(0, shown),
      ...(shown < lines.length ? [t.more(lines.length - shown)] : []),
    ].join('\n'),
  );
}

/** After a repayment: how much, what is left, or that the debt is closed. */
export function repaidText(lang: Language, amountMinor: bigint, debt: DebtView, closedNow: boolean): string {
  const t = D[lang];
  const first = t.repaid(debt.counterparty, formatMoney(amountMinor, debt.currency));
  if (closedNow) return `${first}\n${t.closed(debt.counterparty)}`;
  return `${first}\n${t.left(formatMoney(debt.amountMinor - debt.repaidMinor, debt.currency))}`;
}

export const debtTexts = (lang: Language) => D[lang];

/** An amount over what a debt can hold, the maximum said. */
export const debtTooLargeText = (lang: Language): string => D[lang].tooLarge(formatAmount(MAX_AMOUNT_MINOR));
