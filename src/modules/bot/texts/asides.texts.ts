/**
 * What the bot says about messages that name money but are not records (docs/asides.md): conversion questions,
 * money for a later day, "40 тыс" in a non-sum default currency, saving intentions, amounts or lists too large to
 * record, and spending questions about a word ("бензин") or about food. Per language (ru, uz Latin, en); a missing
 * key fails the typecheck. Pure formatters, unit-tested in asides.texts.spec.ts.
 */
import { formatAmount, formatMoney } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { formatIsoDate } from '../../goals/goals.texts';
import { amountsText, STATS_TEXTS } from '../../stats/stats.texts';
import { groupDecimal } from './bot.texts';
import { PlannedItemView, plannedItemText } from '../../notifications/reminders.texts';

const ruPlural = (n: number, one: string, few: string, many: string): string => {
  const d = n % 10;
  const dd = n % 100;
  return d === 1 && dd !== 11 ? one : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
};

const A = {
  ru: {
    converted: (from: string, to: string, rate: string, date: string) =>
      `💱 ${from} = ${to} · курс ЦБ ${rate} на ${date}`,
    rateUnavailable: '💱 Курс ЦБ сейчас недоступен — посчитать не могу. Попробуйте чуть позже.',
    futureNote: '🗓 Это на будущее — сейчас ничего не записано. Напомнить в тот день?',
    futureNoteNoDate: '🗓 Это на будущее — сейчас ничего не записано. Когда напомнить?',
    remindOnButton: (ddmm: string) => `🔔 Напомнить ${ddmm}`,
    tomorrowButton: '🔔 Завтра',
    weekButton: '🔔 Через неделю',
    paidButton: '✅ Уже оплачено — записать сегодня',
    noButton: '✖ Нет',
    reminderSet: (date: string) => `🔔 Напомню ${date} утром. Пока ничего не записано.`,
    declined: '✖ Хорошо: не записываю и не напоминаю.',
    skipped: '⏭ Пропущено — ничего не записано.',
    alreadyRecorded: '⚠️ Это уже записано.',
    askCurrency: (currency: string) =>
      `💱 Это сумы или ${currency}? С «тыс» обычно говорят о сумах, а ваша валюта по умолчанию — ${currency}.`,
    tooLarge: (max: string) =>
      `❌ Слишком большая сумма: в записи не больше 13 цифр до запятой (до ${max}). Ничего не записано — проверьте число.`,
    tooMany: (count: number, limit: number) =>
      `❌ В сообщении ${count} ${ruPlural(count, 'сумма', 'суммы', 'сумм')} — за раз можно записать не больше ${limit}. Ничего не записано: разделите, пожалуйста, на несколько сообщений.`,
    goalOffer: (title: string, amount: string) =>
      `🎯 Похоже, вы копите на «${title}» — ${amount}. Это не расход, ничего не записано. Создать цель?`,
    goalButton: '🎯 Создать цель',
    term: (term: string, period: string, found: string) => `🔎 «${term}» ${period}: ${found}`,
    records: (n: number) => `${n} ${ruPlural(n, 'запись', 'записи', 'записей')}`,
    noRecords: 'записей нет',
    more: (n: number) => `… и ещё ${n}`,
    food: 'Еда',
  },
  uz: {
    converted: (from: string, to: string, rate: string, date: string) =>
      `💱 ${from} = ${to} · Markaziy bank kursi ${rate}, ${date}`,
    rateUnavailable:
      '💱 Markaziy bank kursi hozir mavjud emas — hisoblay olmayman. Birozdan keyin urinib koʻring.',
    futureNote: '🗓 Bu keyinroq uchun — hozir hech narsa yozilmadi. Oʻsha kuni eslataymi?',
    futureNoteNoDate: '🗓 Bu keyinroq uchun — hozir hech narsa yozilmadi. Qachon eslatay?',
    remindOnButton: (ddmm: string) => `🔔 ${ddmm} kuni eslatish`,
    tomorrowButton: '🔔 Ertaga',
    weekButton: '🔔 Bir haftadan keyin',
    paidButton: '✅ Toʻlandi — bugun yozib qoʻyish',
    noButton: '✖ Yoʻq',
    reminderSet: (date: string) => `🔔 ${date} kuni ertalab eslataman. Hozircha hech narsa yozilmadi.`,
    declined: '✖ Mayli: yozmayman va eslatmayman.',
    skipped: '⏭ Oʻtkazib yuborildi — hech narsa yozilmadi.',
    alreadyRecorded: '⚠️ Bu allaqachon yozilgan.',
    askCurrency: (currency: string) =>
      `💱 Bu soʻmmi yoki ${currency}? «Ming» odatda soʻm haqida aytiladi, asosiy valyutangiz esa ${currency}.`,
    tooLarge: (max: string) =>
      `❌ Summa juda katta: yozuvda verguldan oldin koʻpi bilan 13 ta raqam boʻladi (${max} gacha). Hech narsa yozilmadi — raqamni tekshiring.`,
    tooMany: (count: number, limit: number) =>
      `❌ Xabarda ${count} ta summa bor — bir martada koʻpi bilan ${limit} tasini yozish mumkin. Hech narsa yozilmadi: iltimos, bir necha xabarga boʻlib yuboring.`,
    goalOffer: (title: string, amount: string) =>
      `🎯 «${title}» uchun ${amount} yigʻyapsiz shekilli. Bu xarajat emas, hech narsa yozilmadi. Maqsad yarataymi?`,
    goalButton: '🎯 Maqsad yaratish',
    term: (term: string, period: string, found: string) => `🔎 «${term}», ${period}: ${found}`,
    records: (n: number) => `${n} ta yozuv`,
    noRecords: 'yozuvlar yoʻq',
    more: (n: number) => `… yana ${n} ta`,
    food: 'Ovqat',
  },
  en: {
    converted: (from: string, to: string, rate: string, date: string) =>
      `💱 ${from} = ${to} · CBU rate ${rate} on ${date}`,
    rateUnavailable:
      "💱 The Central Bank rate isn't available right now, so I can't convert. Please try again a bit later.",
    futureNote: "🗓 That's for later — nothing recorded now. Remind you on the day?",
    futureNoteNoDate: "🗓 That's for later — nothing recorded now. When shall I remind you?",
    remindOnButton: (ddmm: string) => `🔔 Remind me on ${ddmm}`,
    tomorrowButton: '🔔 Tomorrow',
    weekButton: '🔔 In a week',
    paidButton: "✅ It's paid already — record today",
    noButton: '✖ No',
    reminderSet: (date: string) => `🔔 I'll remind you on the morning of ${date}. Nothing recorded for now.`,
    declined: '✖ OK: not recorded, and no reminder.',
    skipped: '⏭ Skipped — nothing recorded.',
    alreadyRecorded: '⚠️ This is recorded already.',
    askCurrency: (currency: string) =>
      `💱 Sum or ${currency}? Amounts in “thousands” are usually sum, and your default currency is ${currency}.`,
    tooLarge: (max: string) =>
      `❌ That amount is too large: a record holds at most 13 digits before the decimal point (up to ${max}). Nothing recorded — please check the number.`,
    tooMany: (count: number, limit: number) =>
      `❌ That message has ${count} amounts — at most ${limit} can be recorded at once. Nothing recorded: please split it into several messages.`,
    goalOffer: (title: string, amount: string) =>
      `🎯 Looks like you're saving for “${title}” — ${amount}. That's not an expense, nothing recorded. Create a goal?`,
    goalButton: '🎯 Create the goal',
    term: (term: string, period: string, found: string) => `🔎 “${term}” ${period}: ${found}`,
    records: (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`,
    noRecords: 'no records',
    more: (n: number) => `… and ${n} more`,
    food: 'Food',
  },
} satisfies Record<Language, Record<string, unknown>>;
/** Every language has every key of the Russian catalogue: a missing translation fails the typecheck. */
export const ASIDE_TEXTS: Record<Language, typeof A.ru> = A;

export const asideTexts = (lang: Language): typeof A.ru => ASIDE_TEXTS[lang];

/** "2026-12-07" → "07.12". */
export const dayMonth = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

export interface ConversionView {
  amountMinor: bigint;
  from: string;
  resultMinor: bigint;
  to: string;
  /** YYYY-MM-DD of the bank's rates. */
  date: string;
  /** UZS per unit of each non-UZS currency involved, as decimal strings ("12700.00"). */
  rates: Array<{ currency: string; perUnit: string }>;
}

/**
 * "💱 100.00 USD = 1,270,000.00 UZS · курс ЦБ 12,700.00 на 06.12.2026"; between two foreign currencies both rates:
 * "… · курс ЦБ 1 USD = 12,700.00 UZS, 1 EUR = 14,000.00 UZS на 06.12.2026".
 */
export function conversionText(lang: Language, v: ConversionView): string {
  const rate =
    v.rates.length === 1
      ? groupDecimal(v.rates[0].perUnit)
      : v.rates.map((r) => `1 ${r.currency} = ${groupDecimal(r.perUnit)} UZS`).join(', ');
  return A[lang].converted(
    formatMoney(v.amountMinor, v.from),
    formatMoney(v.resultMinor, v.to),
    rate,
    formatIsoDate(v.date),
  );
}

/** One item as the asides list it (the planned reminder lists them the same way: notifications/reminders.texts.ts). */
export type AsideItemView = PlannedItemView;

/** "Билеты — 800,000.00 UZS". */
export const itemText = plannedItemText;

/**
 * What is planned: "📅 07.12.2026 · Билеты — 800,000.00 UZS"; several items under the date, one a line; no date
 * (the phrase named none): the items alone.
 */
export function plannedBlock(date: string | null, items: readonly AsideItemView[]): string {
  const head = date === null ? '📅' : `📅 ${formatIsoDate(date)}`;
  if (items.length === 1) return `${head}${date === null ? ' ' : ' · '}${itemText(items[0])}`;
  return [date === null ? head : `${head}:`, ...items.map((i) => `• ${itemText(i)}`)].join('\n');
}

/** The reply to money for a later day: what and when, nothing recorded, and the reminder question. */
export function futureText(lang: Language, date: string | null, items: readonly AsideItemView[]): string {
  return `${plannedBlock(date, items)}\n\n${date === null ? A[lang].futureNoteNoDate : A[lang].futureNote}`;
}

/** After "🔔 Remind me": what, and the day of the reminder. */
export function reminderSetText(
  lang: Language,
  date: string | null,
  items: readonly AsideItemView[],
  remindOn: string,
): string {
  return `${plannedBlock(date, items)}\n\n${A[lang].reminderSet(formatIsoDate(remindOn))}`;
}

/** After "✖ No" or "⏭ Skip": what, and that nothing was recorded. */
export function plannedClosedText(
  lang: Language,
  date: string | null,
  items: readonly AsideItemView[],
  how: 'declined' | 'skipped',
): string {
  return `${plannedBlock(date, items)}\n\n${A[lang][how]}`;
}

/** "Which currency?" and the items with bare amounts. */
export function askCurrencyText(
  lang: Language,
  defaultCurrency: string,
  items: readonly AsideItemView[],
): string {
  return [A[lang].askCurrency(defaultCurrency), ...items.map((i) => `• ${itemText(i)}`)].join('\n');
}

/** The largest amount a record holds, as the bot shows money ("9,999,999,999,999.99", docs/interface.md §4). */
export function tooLargeAsideText(lang: Language, maxMinor: bigint): string {
  return A[lang].tooLarge(formatAmount(maxMinor));
}

export const tooManyText = (lang: Language, count: number, limit: number): string =>
  A[lang].tooMany(count, limit);

export const goalOfferText = (lang: Language, title: string, amountMinor: bigint, currency: string): string =>
  A[lang].goalOffer(title, formatMoney(amountMinor, currency));

/** A record found by a word: its local date, what it was, how much. */
export interface FoundRecordView {
  /** YYYY-MM-DD in the user's zone. */
  date: string;
  description: string;
  categoryName: string;
  amountMinor: bigint;
  currency: string;
}

export interface TermAnswerView {
  /** The word asked about, folded as the parser gives it ("бензин", "taksi"). */
  term: string;
  /** "за декабрь", "dekabr oyida", "in December" (stats.texts periodText). */
  period: string;
  totals: ReadonlyArray<{ currency: string; count: number; amountMinor: bigint }>;
  /** The latest matching records (at most five are shown). */
  latest: readonly FoundRecordView[];
  /** The category line beside it ("🚕 Транспорт за декабрь: 620,000.00 UZS"), if any. */
  categoryLine?: string;
  userCurrency: string;
}

const SHOWN_RECORDS = 5;

/**
 * "🔎 «бензин» за декабрь: 3 записи, 450,000.00 UZS", the latest records ("• 06.12 · Бензин — 200,000.00 UZS"),
 * then the category total beside it.
 */
export function termAnswerText(lang: Language, v: TermAnswerView): string {
  const t = A[lang];
  const count = v.totals.reduce((n, c) => n + c.count, 0);
  const found = count === 0 ? t.noRecords : `${t.records(count)}, ${amountsText(v.totals, v.userCurrency)}`;
  const lines = [t.term(v.term, v.period, found)];
  for (const r of v.latest.slice(0, SHOWN_RECORDS)) {
    lines.push(
      `• ${dayMonth(r.date)} · ${itemText({ description: r.description, categoryName: r.categoryName, amountMinor: r.amountMinor, currency: r.currency })}`,
    );
  }
  if (count > Math.min(v.latest.length, SHOWN_RECORDS))
    lines.push(t.more(count - Math.min(v.latest.length, SHOWN_RECORDS)));
  return v.categoryLine ? `${lines.join('\n')}\n\n${v.categoryLine}` : lines.join('\n');
}

export interface CategoriesAnswerView {
  period: string;
  /** Each category asked about, in the order asked, with its amounts per currency. */
  categories: ReadonlyArray<{
    emoji: string;
    name: string;
    amounts: ReadonlyArray<{ currency: string; amountMinor: bigint }>;
  }>;
  userCurrency: string;
}

/** Food: "🍲 Еда за декабрь: 350,000.00 UZS", then each category: "🛒 Продукты: 300,000.00 UZS". */
export function foodAnswerText(lang: Language, v: CategoriesAnswerView): string {
  const sums = new Map<string, bigint>();
  for (const c of v.categories)
    for (const a of c.amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0n) + a.amountMinor);
  const total = [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }));
  const head = STATS_TEXTS[lang].categoryAnswer(
    '🍲',
    A[lang].food,
    v.period,
    amountsText(total, v.userCurrency),
  );
  return [
    head,
    ...v.categories.map((c) => `${c.emoji} ${c.name}: ${amountsText(c.amounts, v.userCurrency)}`),
  ].join('\n');
}
