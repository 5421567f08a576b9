/**
 * A household's statistics and balance as the bot shows them (docs/households.md, "Seeing it"): the household's
 * totals and each member's share. Only the household's records are ever counted here: never a member's personal
 * ones. Pure; ru default, uz Latin, en.
 */
import { formatMoney } from '../../common/money';
import { clipText, TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from '../../common/text/message-limit';
import type { Language } from '../../config/app-config';
import type { ChartModel } from './stats.chart';
import type { MemberTotal, Summary } from './stats.service';
import { chartModel, summaryText } from './stats.texts';

interface HouseholdStatsTexts {
  title: (name: string) => string;
  byMember: string;
  balance: string;
  empty: string;
  personalButton: string;
  familyButton: string;
}

export const HOUSEHOLD_STATS_TEXTS: Record<Language, HouseholdStatsTexts> = {
  ru: {
    title: (name) => `👨‍👩‍👧 Семья «${name}»`,
    byMember: '👥 Расходы по членам семьи',
    balance: '⚖️ Семейный баланс',
    empty: 'В семейном кошельке пока нет записей.',
    personalButton: '🔒 Личное',
    familyButton: '👨‍👩‍👧 Семья',
  },
  uz: {
    title: (name) => `👨‍👩‍👧 «${name}» oilasi`,
    byMember: "👥 Oila a'zolari bo'yicha xarajatlar",
    balance: '⚖️ Oila balansi',
    empty: "Oila hamyonida hali yozuvlar yo'q.",
    personalButton: '🔒 Shaxsiy',
    familyButton: '👨‍👩‍👧 Oila',
  },
  en: {
    title: (name) => `👨‍👩‍👧 Family “${name}”`,
    byMember: '👥 Spending by member',
    balance: '⚖️ Family balance',
    empty: 'The family wallet has no records yet.',
    personalButton: '🔒 Personal',
    familyButton: '👨‍👩‍👧 Family',
  },
};

/** Each member's expenses per currency, largest first within a currency ("• Alice: 200,000.00 UZS"). */
/** A member's expenses in one currency, as the lists show them. */
export type MemberExpense = Pick<MemberTotal, 'firstName' | 'currency' | 'expenseMinor'>;

function memberLines(members: readonly MemberExpense[]): string[] {
  return [...members]
    .filter((m) => m.expenseMinor > 0n)
    .sort((a, b) =>
      a.currency !== b.currency
        ? a.currency.localeCompare(b.currency)
        : a.expenseMinor === b.expenseMinor
          ? a.firstName.localeCompare(b.firstName)
          : a.expenseMinor > b.expenseMinor
            ? -1
            : 1,
    )
    .map((m) => `• ${m.firstName || '—'}: ${formatMoney(m.expenseMinor, m.currency)}`);
}

/** The caption of a household's /stats: its name, the summary of its records, then each member's expenses. */
export function householdSummaryText(
  lang: Language,
  name: string,
  summary: Summary,
  currentYear: number,
  limit: number = TELEGRAM_CAPTION_LIMIT,
): string {
  const t = HOUSEHOLD_STATS_TEXTS[lang];
  const members = memberLines(summary.byMember ?? []);
  const tail = members.length ? `\n\n${t.byMember}:\n${members.join('\n')}` : '';
  const head = t.title(name);
  const body = summaryText(lang, summary, currentYear);
  const room = limit - head.length - tail.length - 1;
  return clipText(`${head}\n${room > 200 ? clipText(body, room) : body}${tail}`, limit);
}

/** The household's chart: the categories as for one person, then a block per currency with each member's expenses. */
export function householdChartModel(
  lang: Language,
  name: string,
  summary: Summary,
  currentYear: number,
): ChartModel {
  const model = chartModel(lang, summary, currentYear);
  const t = HOUSEHOLD_STATS_TEXTS[lang];
  const byCurrency = new Map<string, MemberTotal[]>();
  for (const m of summary.byMember ?? [])
    if (m.expenseMinor > 0n) byCurrency.set(m.currency, [...(byCurrency.get(m.currency) ?? []), m]);
  const memberBlocks = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, members]) => {
      const sorted = members.sort((a, b) =>
        a.expenseMinor === b.expenseMinor ? 0 : a.expenseMinor > b.expenseMinor ? -1 : 1,
      );
      const max = sorted[0].expenseMinor;
      return {
        title: `${t.byMember.replace(/^👥\s*/u, '')} (${currency})`,
        bars: sorted.map((m) => ({
          label: m.firstName || '—',
          value: formatMoney(m.expenseMinor, currency),
          fraction: Number((m.expenseMinor * 1000n) / max) / 1000,
        })),
      };
    });
  return {
    title: `${t.title(name).replace(/^\S+\s*/u, '')} · ${model.title}`,
    blocks: [...model.blocks, ...memberBlocks],
  };
}

/** A household's totals per currency and each member's expenses (the family part of /balance). */
export function householdBalanceText(
  lang: Language,
  name: string,
  totals: ReadonlyArray<{ currency: string; incomeMinor: bigint; expenseMinor: bigint }>,
  members: readonly MemberExpense[],
): string {
  const t = HOUSEHOLD_STATS_TEXTS[lang];
  if (!totals.length) return `${t.title(name)}\n${t.empty}`;
  const lines = [t.title(name), `${t.balance}:`];
  for (const c of totals)
    lines.push(
      `• ${formatMoney(c.incomeMinor - c.expenseMinor, c.currency)} (+${formatMoney(c.incomeMinor, c.currency)} / −${formatMoney(c.expenseMinor, c.currency)})`,
    );
  const shares = memberLines(members);
  if (shares.length) lines.push('', `${t.byMember}:`, ...shares);
  return clipText(lines.join('\n'), TELEGRAM_TEXT_LIMIT);
}
