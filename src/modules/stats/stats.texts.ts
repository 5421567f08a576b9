/**
 * Texts of the statistics, the export and the data deletion, per language (ru, uz Latin, en): a missing
 * translation fails the typecheck. Pure formatters; no I/O.
 */
import { formatMoney } from '../../common/money';
import { clipText, TELEGRAM_CAPTION_LIMIT } from '../../common/text/message-limit';
import { MONTH_NAMES } from '../../common/text/months';
import { pluralRu } from '../../common/text/plural';
import type { Language } from '../../config/app-config';
import type { TransactionType } from '../nlu/nlu.types';
import type { ChartModel } from './stats.chart';
import type { CategoryLine, Summary } from './stats.service';

/** Emoji per default category key (custom categories get the type's emoji). */
const CATEGORY_EMOJI: Record<string, string> = {
  groceries: '🛒',
  cafe: '🍽',
  transport: '🚕',
  housing: '🏠',
  communication: '📱',
  health: '💊',
  clothing: '👕',
  shopping: '🛍',
  entertainment: '🎬',
  education: '🎓',
  gifts: '🎁',
  other: '📦',
  salary: '💼',
  freelance: '💻',
  business: '📈',
  investments: '🏦',
};

export function categoryEmoji(key: string, type: TransactionType): string {
  return CATEGORY_EMOJI[key] ?? (type === 'income' ? '💰' : '💸');
}

/** A period of local days, as the texts need it. */
export interface PeriodView {
  kind: 'day' | 'week' | 'month' | 'year' | 'custom';
  from: string;
  to: string;
}

/** Where a period phrase stands: in a sentence ("Expenses in November") or after the title ("Statistics for November"). */
export type PeriodUse = 'sentence' | 'title';

interface Catalogue {
  /** "за ноябрь", "noyabr oyida", "in November" (in a title: "for November"). */
  month(name: string, use: PeriodUse): string;
  week(from: string, to: string): string;
  day(date: string, use: PeriodUse): string;
  year(year: number, use: PeriodUse): string;
  range(from: string, to: string): string;
  statsTitle(period: string): string;
  statsEmpty(period: string): string;
  expenses: string;
  incomes: string;
  balance: string;
  operations(n: number): string;
  more(n: number): string;
  buttons: { week: string; month: string; prevMonth: string; year: string };
  unknownPeriod: string;
  /** "🚕 Транспорт за ноябрь: 120,000.00 UZS". */
  categoryAnswer(emoji: string, name: string, period: string, amounts: string): string;
  typeAnswer(type: TransactionType, period: string, amounts: string): string;
  exportCaption(count: number): string;
  exportEmpty: string;
  deleteConfirm: string;
  deleteYes: string;
  deleteNo: string;
  deleted: string;
  deleteCancelled: string;
  deleteExpired: string;
  commands: { stats: string; export: string; deletemydata: string };
}

const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export const STATS_TEXTS: Record<Language, Catalogue> = {
  ru: {
    month: (name) => `за ${name}`,
    week: (from, to) => `за неделю ${ddmm(from)}–${ddmmyyyy(to)}`,
    day: (date) => `за ${ddmmyyyy(date)}`,
    year: (year) => `за ${year} год`,
    range: (from, to) => `за ${ddmmyyyy(from)}–${ddmmyyyy(to)}`,
    statsTitle: (period) => `📊 Статистика ${period}`,
    statsEmpty: (period) => `📊 Операций ${period} нет.`,
    expenses: 'Расходы',
    incomes: 'Доходы',
    balance: 'Баланс',
    operations: (n) => `${n} ${pluralRu(n, ['операция', 'операции', 'операций'])}`,
    more: (n) => `… и ещё ${n}`,
    buttons: { week: 'Неделя', month: 'Этот месяц', prevMonth: 'Прошлый месяц', year: 'Год' },
    unknownPeriod:
      '🤔 Не понял период. Например: /stats, /stats неделя, /stats прошлый месяц, /stats март, /stats 2026-10',
    categoryAnswer: (emoji, name, period, amounts) => `${emoji} ${name} ${period}: ${amounts}`,
    typeAnswer: (type, period, amounts) =>
      `${type === 'income' ? '💰 Доходы' : '💸 Расходы'} ${period}: ${amounts}`,
    exportCaption: (count) =>
      `📄 Ваши операции: ${count}. Файл CSV (UTF-8) открывается в Excel и Google Таблицах.`,
    exportEmpty: '📄 Операций пока нет — выгружать нечего.',
    deleteConfirm:
      '⚠️ Удалить все ваши данные? Будут стёрты профиль, номер телефона, категории, все операции и коды входа. Отменить это нельзя.\n\nСовет: сначала сохраните операции командой /export.',
    deleteYes: '🗑 Да, удалить всё',
    deleteNo: 'Отмена',
    deleted: '✅ Все ваши данные удалены. Если напишете снова, начнём с чистого листа.',
    deleteCancelled: 'Удаление отменено, данные на месте.',
    deleteExpired: 'Кнопка устарела. Отправьте /deletemydata ещё раз.',
    commands: {
      stats: 'Статистика и диаграмма',
      export: 'Выгрузить операции в CSV',
      deletemydata: 'Удалить все мои данные',
    },
  },
  uz: {
    month: (name) => `${name} oyida`,
    week: (from, to) => `${ddmm(from)}–${ddmmyyyy(to)} haftasida`,
    day: (date) => `${ddmmyyyy(date)} kuni`,
    year: (year) => `${year}-yilda`,
    range: (from, to) => `${ddmmyyyy(from)}–${ddmmyyyy(to)} davrida`,
    statsTitle: (period) => `📊 Statistika: ${period}`,
    statsEmpty: (period) => `📊 ${period.charAt(0).toUpperCase()}${period.slice(1)} operatsiyalar yoʻq.`,
    expenses: 'Xarajatlar',
    incomes: 'Daromadlar',
    balance: 'Balans',
    operations: (n) => `${n} ta operatsiya`,
    more: (n) => `… yana ${n} ta`,
    buttons: { week: 'Hafta', month: 'Shu oy', prevMonth: 'Oʻtgan oy', year: 'Yil' },
    unknownPeriod:
      '🤔 Davrni tushunmadim. Masalan: /stats, /stats hafta, /stats oʻtgan oy, /stats mart, /stats 2026-10',
    categoryAnswer: (emoji, name, period, amounts) => `${emoji} ${name}, ${period}: ${amounts}`,
    typeAnswer: (type, period, amounts) =>
      `${type === 'income' ? '💰 Daromadlar' : '💸 Xarajatlar'}, ${period}: ${amounts}`,
    exportCaption: (count) =>
      `📄 Operatsiyalaringiz: ${count} ta. CSV fayl (UTF-8) Excel va Google Sheets dasturlarida ochiladi.`,
    exportEmpty: '📄 Hali operatsiyalar yoʻq — yuklab olinadigan narsa yoʻq.',
    deleteConfirm:
      '⚠️ Barcha maʼlumotlaringiz oʻchirilsinmi? Profil, telefon raqami, kategoriyalar, barcha operatsiyalar va kirish kodlari oʻchiriladi. Buni qaytarib boʻlmaydi.\n\nMaslahat: avval /export bilan operatsiyalarni saqlab oling.',
    deleteYes: '🗑 Ha, hammasini oʻchirish',
    deleteNo: 'Bekor qilish',
    deleted: '✅ Barcha maʼlumotlaringiz oʻchirildi. Yana yozsangiz, noldan boshlaymiz.',
    deleteCancelled: 'Oʻchirish bekor qilindi, maʼlumotlar joyida.',
    deleteExpired: 'Tugma eskirgan. /deletemydata ni qayta yuboring.',
    commands: {
      stats: 'Statistika va diagramma',
      export: 'Operatsiyalarni CSV faylga yuklash',
      deletemydata: 'Barcha maʼlumotlarimni oʻchirish',
    },
  },
  en: {
    month: (name, use) => `${use === 'title' ? 'for' : 'in'} ${name}`,
    week: (from, to) => `for the week ${ddmm(from)}–${ddmmyyyy(to)}`,
    day: (date, use) => `${use === 'title' ? 'for' : 'on'} ${ddmmyyyy(date)}`,
    year: (year, use) => `${use === 'title' ? 'for' : 'in'} ${year}`,
    range: (from, to) => `for ${ddmmyyyy(from)}–${ddmmyyyy(to)}`,
    statsTitle: (period) => `📊 Statistics ${period}`,
    statsEmpty: (period) => `📊 No transactions ${period}.`,
    expenses: 'Expenses',
    incomes: 'Income',
    balance: 'Balance',
    operations: (n) => `${n} ${n === 1 ? 'transaction' : 'transactions'}`,
    more: (n) => `… and ${n} more`,
    buttons: { week: 'Week', month: 'This month', prevMonth: 'Last month', year: 'Year' },
    unknownPeriod:
      "🤔 I didn't get the period. For example: /stats, /stats week, /stats last month, /stats march, /stats 2026-10",
    categoryAnswer: (emoji, name, period, amounts) => `${emoji} ${name} ${period}: ${amounts}`,
    typeAnswer: (type, period, amounts) =>
      `${type === 'income' ? '💰 Income' : '💸 Expenses'} ${period}: ${amounts}`,
    exportCaption: (count) =>
      `📄 Your transactions: ${count}. The CSV file (UTF-8) opens in Excel and Google Sheets.`,
    exportEmpty: '📄 No transactions yet — nothing to export.',
    deleteConfirm:
      '⚠️ Delete all your data? Your profile, phone number, categories, every transaction and login codes will be erased. This cannot be undone.\n\nTip: save your transactions with /export first.',
    deleteYes: '🗑 Yes, delete everything',
    deleteNo: 'Cancel',
    deleted: '✅ All your data has been deleted. Write again any time to start afresh.',
    deleteCancelled: 'Deletion cancelled; your data is still here.',
    deleteExpired: 'This button has expired. Send /deletemydata again.',
    commands: {
      stats: 'Statistics and a chart',
      export: 'Export transactions as CSV',
      deletemydata: 'Delete all my data',
    },
  },
};

/**
 * "за ноябрь" (the year only when it is not the current one), "за неделю 23.11–29.11.2026", …; `use` 'title' for
 * the phrase after "Statistics" (English says "Statistics for December" but "Expenses in December").
 */
export function periodText(
  lang: Language,
  p: PeriodView,
  currentYear: number,
  use: PeriodUse = 'sentence',
): string {
  const t = STATS_TEXTS[lang];
  const year = Number(p.from.slice(0, 4));
  switch (p.kind) {
    case 'month': {
      const name = MONTH_NAMES[lang][Number(p.from.slice(5, 7)) - 1];
      return t.month(year === currentYear ? name : `${name} ${year}`, use);
    }
    case 'week':
      return t.week(p.from, p.to);
    case 'day':
      return t.day(p.from, use);
    case 'year':
      return t.year(year, use);
    case 'custom':
      return p.from === p.to ? t.day(p.from, use) : t.range(p.from, p.to);
  }
}

/**
 * Amounts per currency, never added together: "120,000.00 UZS, 15.00 USD" — the user's own currency first, the
 * others by code; "0.00 UZS" (the user's currency) when there is nothing.
 */
export function amountsText(
  amounts: ReadonlyArray<{ currency: string; amountMinor: bigint }>,
  userCurrency: string,
): string {
  const list = amounts.filter((a) => a.amountMinor !== 0n);
  if (!list.length) return formatMoney(0n, userCurrency);
  const rank = (c: string) => (c === userCurrency ? '' : c);
  return [...list]
    .sort((a, b) => rank(a.currency).localeCompare(rank(b.currency)))
    .map((a) => formatMoney(a.amountMinor, a.currency))
    .join(', ');
}

const LINES_PER_BLOCK = 6;

/**
 * Tenths of a percent → "42%" or "42.5%". No rounding here: the shares were rounded once, by the largest remainder
 * (stats.service.ts), so the ones shown add up to 100%.
 */
export function pct(permille: number): string {
  return permille % 10 === 0 ? `${permille / 10}%` : `${Math.trunc(permille / 10)}.${permille % 10}%`;
}

/** The share of the lines not shown one by one ("… и ещё 3 (12.5%)"). */
const restShare = (lines: readonly CategoryLine[]) => pct(lines.reduce((sum, l) => sum + l.sharePermille, 0));

function blocks(
  summary: Summary,
): Array<{ type: TransactionType; currency: string; total: bigint; lines: CategoryLine[] }> {
  const out: Array<{ type: TransactionType; currency: string; total: bigint; lines: CategoryLine[] }> = [];
  for (const line of summary.byCategory) {
    let block = out.find((b) => b.type === line.type && b.currency === line.currency);
    if (!block) out.push((block = { type: line.type, currency: line.currency, total: 0n, lines: [] }));
    block.total += line.amountMinor;
    block.lines.push(line);
  }
  return out;
}

/** The text summary (also the photo's caption, so at most 1024 characters). */
export function summaryText(
  lang: Language,
  summary: Summary,
  currentYear: number,
  limit: number = TELEGRAM_CAPTION_LIMIT,
): string {
  const t = STATS_TEXTS[lang];
  if (!summary.byCategory.length) return t.statsEmpty(periodText(lang, summary.range, currentYear));
  const title = t.statsTitle(periodText(lang, summary.range, currentYear, 'title'));
  const render = (perBlock: number) => {
    const parts = [title];
    for (const b of blocks(summary)) {
      const lines = [
        `${b.type === 'income' ? '💰' : '💸'} ${b.type === 'income' ? t.incomes : t.expenses}: ${formatMoney(b.total, b.currency)}`,
      ];
      for (const l of b.lines.slice(0, perBlock))
        lines.push(
          `${categoryEmoji(l.category, l.type)} ${l.categoryName}: ${formatMoney(l.amountMinor, l.currency)} (${pct(l.sharePermille)})`,
        );
      if (b.lines.length > perBlock)
        lines.push(`${t.more(b.lines.length - perBlock)} (${restShare(b.lines.slice(perBlock))})`);
      parts.push(lines.join('\n'));
    }
    const balances = summary.totals.map(
      (c) => `${formatMoney(c.incomeMinor - c.expenseMinor, c.currency)} · ${t.operations(c.count)}`,
    );
    parts.push(`⚖️ ${t.balance}: ${balances.join('; ')}`);
    return parts.join('\n\n');
  };
  for (let per = LINES_PER_BLOCK; per >= 0; per--) {
    const text = render(per);
    if (text.length <= limit) return text;
  }
  return clipText(render(0), limit);
}

const BARS_PER_BLOCK = 10;
/** Longest label that still leaves room for the amount on the right of the 800 px chart. */
const LABEL_MAX = 44;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > LABEL_MAX ? `${chars.slice(0, LABEL_MAX - 1).join('')}…` : text;
}

/** What the chart image shows: one block of bars per type and currency (no emoji: the font has none). */
export function chartModel(lang: Language, summary: Summary, currentYear: number): ChartModel {
  const t = STATS_TEXTS[lang];
  const title = t.statsTitle(periodText(lang, summary.range, currentYear, 'title')).replace(/^📊\s*/u, '');
  return {
    title: title.charAt(0).toUpperCase() + title.slice(1),
    blocks: blocks(summary).map((b) => {
      const max = b.lines.reduce((m, l) => (l.amountMinor > m ? l.amountMinor : m), 0n);
      const shown = b.lines.slice(0, BARS_PER_BLOCK);
      const rest = b.lines.slice(BARS_PER_BLOCK);
      const bars = shown.map((l) => ({
        label: clip(l.categoryName),
        value: `${formatMoney(l.amountMinor, l.currency)} · ${pct(l.sharePermille)}`,
        fraction: max > 0n ? Number((l.amountMinor * 1000n) / max) / 1000 : 0,
      }));
      if (rest.length) {
        const sum = rest.reduce((s, l) => s + l.amountMinor, 0n);
        bars.push({
          label: t.more(rest.length),
          value: `${formatMoney(sum, b.currency)} · ${restShare(rest)}`,
          fraction: max > 0n ? Number((sum * 1000n) / max) / 1000 : 0,
        });
      }
      return {
        title: `${b.type === 'income' ? t.incomes : t.expenses}: ${formatMoney(b.total, b.currency)}`,
        bars,
      };
    }),
  };
}
