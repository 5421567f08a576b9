/** Reminder messages and the /remind answers, per language (ru, uz Latin, en). Pure. */
import { formatAmount, formatMoney } from '../../common/money';
import { pluralRu } from '../../common/text/plural';
import type { Language } from '../../config/app-config';
import { formatIsoDate } from '../goals/goals.texts';

export const REMINDER_TEXTS = {
  ru: {
    dueIn: (days: number) =>
      days === 0
        ? '⏰ Сегодня срок возврата долга'
        : days === 1
          ? '⏰ Завтра срок возврата долга'
          : `⏰ Через ${days} ${pluralRu(days, ['день', 'дня', 'дней'])} срок возврата долга`,
    owesYou: 'Вам должны',
    youOwe: 'Вы должны',
    daily:
      '📝 Сегодня ещё ничего не записано. Были траты или доходы? Напишите, например: «такси 20000».\nОтключить напоминание: /remind off',
    on: (time: string) =>
      `🔔 Ежедневное напоминание включено: ${time} (ваше время).\nДругое время: /remind 20:30 · отключить: /remind off`,
    off: '🔕 Ежедневное напоминание выключено. Включить: /remind on',
    badTime: '❌ Укажите время в формате ЧЧ:ММ, например: /remind 21:00',
    plannedTitle: '🔔 Сегодня по плану:',
    plannedQuestion: 'Оплатили? Запишу расходом этого дня.',
    recordButton: '✅ Записать',
    skipButton: '⏭ Пропустить',
  },
  uz: {
    dueIn: (days: number) =>
      days === 0
        ? '⏰ Bugun qarzni qaytarish muddati'
        : days === 1
          ? '⏰ Ertaga qarzni qaytarish muddati'
          : `⏰ ${days} kundan keyin qarzni qaytarish muddati`,
    owesYou: 'Sizga qarzdor',
    youOwe: 'Siz qarzdorsiz',
    daily:
      '📝 Bugun hali hech narsa yozilmadi. Xarajat yoki daromad boʻldimi? Masalan, yozing: «taksiga 20 ming berdim».\nEslatmani oʻchirish: /remind off',
    on: (time: string) =>
      `🔔 Kundalik eslatma yoqildi: ${time} (sizning vaqtingiz).\nBoshqa vaqt: /remind 20:30 · oʻchirish: /remind off`,
    off: '🔕 Kundalik eslatma oʻchirildi. Yoqish: /remind on',
    badTime: '❌ Vaqtni SS:DD shaklida yozing, masalan: /remind 21:00',
    plannedTitle: '🔔 Bugun rejada:',
    plannedQuestion: 'Toʻladingizmi? Shu kunning xarajati sifatida yozib qoʻyaman.',
    recordButton: '✅ Yozib qoʻyish',
    skipButton: '⏭ Oʻtkazib yuborish',
  },
  en: {
    dueIn: (days: number) =>
      days === 0
        ? '⏰ A debt is due today'
        : days === 1
          ? '⏰ A debt is due tomorrow'
          : `⏰ A debt is due in ${days} days`,
    owesYou: 'Owes you',
    youOwe: 'You owe',
    daily:
      '📝 Nothing recorded today yet. Any spending or income? Write, e.g.: “taxi 20000”.\nTurn this reminder off: /remind off',
    on: (time: string) =>
      `🔔 Daily reminder on: ${time} (your time).\nAnother time: /remind 20:30 · turn off: /remind off`,
    off: '🔕 Daily reminder off. Turn it on: /remind on',
    badTime: '❌ Give the time as HH:MM, e.g.: /remind 21:00',
    plannedTitle: '🔔 Planned for today:',
    plannedQuestion: "Paid it? I'll record it as that day's expense.",
    recordButton: '✅ Record',
    skipButton: '⏭ Skip',
  },
} satisfies Record<Language, Record<string, unknown>>;

export interface DueReminderView {
  daysLeft: number;
  direction: 'lent' | 'borrowed';
  counterparty: string;
  remainingMinor: bigint;
  currency: string;
  dueDate: string;
}

/** "⏰ Завтра срок возврата долга\nВам должны: Алишер — 150.00 USD (01.06.2027)". */
export function dueReminderText(lang: Language, v: DueReminderView): string {
  const t = REMINDER_TEXTS[lang];
  const who = v.direction === 'lent' ? t.owesYou : t.youOwe;
  return `${t.dueIn(v.daysLeft)}\n${who}: ${v.counterparty} — ${formatMoney(v.remainingMinor, v.currency)} (${formatIsoDate(v.dueDate)})`;
}

export const dailyReminderText = (lang: Language): string => REMINDER_TEXTS[lang].daily;
export const reminderOnText = (lang: Language, time: string): string => REMINDER_TEXTS[lang].on(time);
export const reminderOffText = (lang: Language): string => REMINDER_TEXTS[lang].off;
export const reminderBadTimeText = (lang: Language): string => REMINDER_TEXTS[lang].badTime;

/** One planned item as the reminder (and the bot's asides) list it: the description (capitalised) or else the category's name. */
export interface PlannedItemView {
  description: string;
  categoryName: string;
  amountMinor: bigint;
  /** Null: the amount is shown without a currency (the currency is being asked). */
  currency: string | null;
}

function label(item: PlannedItemView): string {
  const d = item.description.trim();
  return d ? `${d.charAt(0).toUpperCase()}${d.slice(1)}` : item.categoryName;
}

const amountOf = (item: PlannedItemView) =>
  item.currency === null ? formatAmount(item.amountMinor) : formatMoney(item.amountMinor, item.currency);

/** "Билеты — 800,000.00 UZS". */
export const plannedItemText = (item: PlannedItemView): string => `${label(item)} — ${amountOf(item)}`;

/** The reminder of money said for a later day, on its day: what was planned, and the question under it. */
export function plannedReminderText(lang: Language, items: readonly PlannedItemView[]): string {
  const t = REMINDER_TEXTS[lang];
  return [t.plannedTitle, ...items.map((i) => `• ${plannedItemText(i)}`), '', t.plannedQuestion].join('\n');
}
