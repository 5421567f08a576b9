/**
 * What the bot says about recurring payments and incomes (docs/recurring.md), per language (ru, uz Latin, en), and
 * the pure formatters that fill it in. A missing translation fails the type check (Record<Language, …>).
 */
import { formatMoney } from '../../common/money';
import type { Language } from '../../config/app-config';
import { isDefaultCategory } from '../categories/category-keys';
import { defaultCategoryName } from '../categories/category-names';
import type { RecurringRule } from './recurring-rule.entity';

const WEEKDAYS: Record<Language, string[]> = {
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  uz: ['dushanba', 'seshanba', 'chorshanba', 'payshanba', 'juma', 'shanba', 'yakshanba'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const RECURRING_TEXTS = {
  ru: {
    menu: 'Регулярные платежи и доходы',
    recorded: '🔁 Записал:',
    ask: (what: string, date: string) => `🔁 По плану на ${date}: ${what}. Записать?`,
    recordButton: '✅ Записать',
    skipButton: '⏭ Пропустить',
    otherButton: '✏️ Другая сумма',
    pauseButton: '⏸ Пауза',
    resumeButton: '▶️ Возобновить',
    deleteButton: '🗑 Удалить',
    editButton: '✏️ Изменить',
    editAsk: (what: string, money: string, every: 'month' | 'week') =>
      `✏️ Новая сумма для «${what}»? Сейчас: ${money}. Можно поменять и день: ${every === 'month' ? '«4 млн, день: 15»' : '«60 тыс, день: 3» (3 — среда)'}. /cancel — оставить как есть.`,
    edited: '✏️ Изменено:',
    editBadDay: (every: 'month' | 'week') =>
      `⚠️ ${every === 'month' ? 'День — от 1 до 31' : 'День недели — от 1 до 7 (понедельник = 1)'}. Напишите ещё раз или /cancel.`,
    editBadAmount: '⚠️ Такая сумма не подходит. Напишите ещё раз или /cancel.',
    editFailed: '⚠️ Не получилось изменить.',
    skipped: (what: string) => `⏭ Пропущено: ${what}`,
    done: 'Уже отмечено.',
    gone: '⚠️ Этого регулярного платежа больше нет.',
    howMuch: (what: string) => `✏️ Сколько записать за «${what}»? Напишите сумму.`,
    howMuchNew: (what: string) => `💬 Сколько платить за «${what}» каждый раз? Напишите сумму.`,
    created: '🔁 Регулярный платёж добавлен:',
    listTitle: '🔁 Регулярные платежи и доходы:',
    empty: '🔁 Регулярных платежей пока нет. Например: «каждый месяц 1 числа аренда 3 млн».',
    monthly: (day: number) => `каждый месяц ${day} числа`,
    weekly: (d: string) => `каждую неделю, ${d}`,
    next: (date: string) => `следующий: ${date}`,
    paused: '⏸ на паузе',
    auto: 'сам',
    pausedToast: '⏸ На паузе',
    resumedToast: '▶️ Возобновлён',
    deletedToast: '🗑 Удалён',
    failed: '⚠️ Не получилось записать.',
    offer: (what: string, money: string, day: number) =>
      `🔁 Похоже, «${what}» каждый месяц ~${money} около ${day} числа. Сделать регулярным?`,
    offerYesButton: '✅ Да',
    offerNoButton: '✖ Нет',
    offerDeclined: '✖ Хорошо, больше не предложу.',
    offerGone: 'Это предложение уже не действует.',
  },
  uz: {
    menu: 'Muntazam toʻlovlar va daromadlar',
    recorded: '🔁 Yozdim:',
    ask: (what: string, date: string) => `🔁 ${date} rejasi: ${what}. Yozaymi?`,
    recordButton: '✅ Yozish',
    skipButton: "⏭ O'tkazib yuborish",
    otherButton: '✏️ Boshqa summa',
    pauseButton: '⏸ Pauza',
    resumeButton: '▶️ Davom ettirish',
    deleteButton: "🗑 O'chirish",
    editButton: "✏️ O'zgartirish",
    editAsk: (what: string, money: string, every: 'month' | 'week') =>
      `✏️ «${what}» uchun yangi summa? Hozir: ${money}. Kunini ham o'zgartirsa bo'ladi: ${every === 'month' ? '«4 mln, kun: 15»' : '«60 ming, kun: 3» (3 — chorshanba)'}. /cancel — o'zgartirmaslik.`,
    edited: "✏️ O'zgartirildi:",
    editBadDay: (every: 'month' | 'week') =>
      `⚠️ ${every === 'month' ? 'Kun — 1 dan 31 gacha' : 'Hafta kuni — 1 dan 7 gacha (dushanba = 1)'}. Qayta yozing yoki /cancel.`,
    editBadAmount: "⚠️ Bu summa to'g'ri kelmaydi. Qayta yozing yoki /cancel.",
    editFailed: "⚠️ O'zgartirib bo'lmadi.",
    skipped: (what: string) => `⏭ O'tkazib yuborildi: ${what}`,
    done: 'Allaqachon belgilangan.',
    gone: "⚠️ Bu muntazam to'lov endi yo'q.",
    howMuch: (what: string) => `✏️ «${what}» uchun qancha yozay? Summani yozing.`,
    howMuchNew: (what: string) => `💬 «${what}» uchun har safar qancha? Summani yozing.`,
    created: "🔁 Muntazam to'lov qo'shildi:",
    listTitle: "🔁 Muntazam to'lovlar va daromadlar:",
    empty: "🔁 Muntazam to'lovlar hali yo'q. Masalan: «har oy 1-sanada ijara 3 mln».",
    monthly: (day: number) => `har oy ${day}-sanada`,
    weekly: (d: string) => `har hafta, ${d}`,
    next: (date: string) => `keyingisi: ${date}`,
    paused: '⏸ pauzada',
    auto: "o'zi",
    pausedToast: '⏸ Pauzada',
    resumedToast: '▶️ Davom etadi',
    deletedToast: "🗑 O'chirildi",
    failed: "⚠️ Yozib bo'lmadi.",
    offer: (what: string, money: string, day: number) =>
      `🔁 «${what}» har oy ~${money}, taxminan ${day}-sanada takrorlanayotganga oʻxshaydi. Muntazam qilaymi?`,
    offerYesButton: '✅ Ha',
    offerNoButton: '✖ Yoʻq',
    offerDeclined: '✖ Xoʻp, boshqa taklif qilmayman.',
    offerGone: 'Bu taklif endi amal qilmaydi.',
  },
  en: {
    menu: 'Recurring payments and incomes',
    recorded: '🔁 Recorded:',
    ask: (what: string, date: string) => `🔁 Due ${date}: ${what}. Record it?`,
    recordButton: '✅ Record',
    skipButton: '⏭ Skip',
    otherButton: '✏️ Another amount',
    pauseButton: '⏸ Pause',
    resumeButton: '▶️ Resume',
    deleteButton: '🗑 Delete',
    editButton: '✏️ Edit',
    editAsk: (what: string, money: string, every: 'month' | 'week') =>
      `✏️ New amount for “${what}”? Now: ${money}. You can change the day too: ${every === 'month' ? '“4 mln, day 15”' : '“60k, day 3” (3 is Wednesday)'}. /cancel keeps it as it is.`,
    edited: '✏️ Changed:',
    editBadDay: (every: 'month' | 'week') =>
      `⚠️ ${every === 'month' ? 'The day is 1 to 31' : 'The weekday is 1 to 7 (Monday = 1)'}. Type it again or /cancel.`,
    editBadAmount: '⚠️ That amount will not do. Type it again or /cancel.',
    editFailed: '⚠️ Could not change it.',
    skipped: (what: string) => `⏭ Skipped: ${what}`,
    done: 'Already answered.',
    gone: '⚠️ This recurring payment no longer exists.',
    howMuch: (what: string) => `✏️ How much to record for “${what}”? Type the amount.`,
    howMuchNew: (what: string) => `💬 How much is “${what}” each time? Type the amount.`,
    created: '🔁 Recurring payment added:',
    listTitle: '🔁 Recurring payments and incomes:',
    empty: '🔁 No recurring payments yet. For example: “netflix 10 dollars every month”.',
    monthly: (day: number) => `every month on day ${day}`,
    weekly: (d: string) => `every ${d}`,
    next: (date: string) => `next: ${date}`,
    paused: '⏸ paused',
    auto: 'auto',
    pausedToast: '⏸ Paused',
    resumedToast: '▶️ Resumed',
    deletedToast: '🗑 Deleted',
    failed: '⚠️ Could not record it.',
    offer: (what: string, money: string, day: number) =>
      `🔁 Looks like “${what}” is ~${money} every month, around day ${day}. Make it recurring?`,
    offerYesButton: '✅ Yes',
    offerNoButton: '✖ No',
    offerDeclined: '✖ OK, I won’t offer it again.',
    offerGone: 'This offer is no longer open.',
  },
} satisfies Record<Language, Record<string, unknown>>;

/** "2027-03-01" → "01.03.2027". */
export function displayDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** What a rule is called: its description, or its category's name. */
export function ruleName(
  lang: Language,
  rule: Pick<RecurringRule, 'type' | 'category' | 'description'>,
): string {
  if (rule.description.trim()) return rule.description.trim();
  return isDefaultCategory(rule.type, rule.category)
    ? defaultCategoryName(rule.category, lang)
    : rule.category;
}

/** "Аренда 3,000,000.00 UZS" */
export function ruleMoney(
  lang: Language,
  rule: Pick<RecurringRule, 'type' | 'category' | 'description' | 'currency'>,
  amountMinor: bigint,
): string {
  const name = ruleName(lang, rule);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${formatMoney(amountMinor, rule.currency)}`;
}

/** "🔁 Записал: Аренда 3,000,000.00 UZS" */
export function recordedText(lang: Language, rule: RecurringRule, amountMinor: bigint): string {
  return `${RECURRING_TEXTS[lang].recorded} ${ruleMoney(lang, rule, amountMinor)}`;
}

export function askText(lang: Language, rule: RecurringRule, date: string): string {
  return RECURRING_TEXTS[lang].ask(ruleMoney(lang, rule, rule.amount), displayDate(date));
}

/** "каждый месяц 1 числа" / "every Monday". */
export function timingText(lang: Language, rule: Pick<RecurringRule, 'every' | 'day'>): string {
  const t = RECURRING_TEXTS[lang];
  return rule.every === 'month' ? t.monthly(rule.day) : t.weekly(WEEKDAYS[lang][rule.day - 1]);
}

/** One rule as a line of /recurring: "Аренда 3,000,000.00 UZS — каждый месяц 1 числа, следующий: 01.01.2027". */
export function ruleLine(lang: Language, rule: RecurringRule, next: string): string {
  const t = RECURRING_TEXTS[lang];
  const tail = rule.paused ? t.paused : t.next(displayDate(next));
  return `${ruleMoney(lang, rule, rule.amount)} — ${timingText(lang, rule)}${rule.auto ? ` (${t.auto})` : ''}, ${tail}`;
}

/** The question after ✏️ under a rule: "✏️ Новая сумма для «Аренда»? Сейчас: 3,000,000.00 UZS. …" */
export function editAskText(lang: Language, rule: RecurringRule): string {
  const t = RECURRING_TEXTS[lang];
  return t.editAsk(ruleName(lang, rule), formatMoney(rule.amount, rule.currency), rule.every);
}

/** "🔁 Похоже, «аренда» каждый месяц ~3,000,000.00 UZS около 1 числа. Сделать регулярным?" */
export function offerText(
  lang: Language,
  offer: { description: string; amountMinor: bigint; currency: string; day: number },
): string {
  return RECURRING_TEXTS[lang].offer(
    offer.description,
    formatMoney(offer.amountMinor, offer.currency),
    offer.day,
  );
}
