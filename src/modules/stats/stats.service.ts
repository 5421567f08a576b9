import { Injectable } from '@nestjs/common';
import { apportion } from '../../common/money';
import type { Language } from '../../config/app-config';
import { CategoriesService } from '../categories/categories.service';
import type { TransactionType } from '../transactions/transaction.entity';
import { CategorySumRow, MemberSumRow, StatsRepository } from './stats.repository';
import type { WalletScope } from '../transactions/wallet';
import type { StatsRange, SummaryQuery } from './stats.period';

export interface CategoryLine {
  type: TransactionType;
  category: string;
  categoryName: string;
  currency: string;
  amountMinor: bigint;
  count: number;
  /**
   * Share of this category within its (type, currency) total in basis points (1/100 of a percent), for the API;
   * the shares of one group add up to exactly 10,000.
   */
  shareBp: number;
  /** The same share in tenths of a percent, as the texts and the chart show it; a group's add up to exactly 1,000. */
  sharePermille: number;
}

export interface CurrencyTotal {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
  count: number;
}

export interface Summary {
  range: StatsRange;
  /** Per currency, sorted by code; currencies are never added together. */
  totals: CurrencyTotal[];
  /** Expenses first, then incomes; per currency by code; largest amount first. */
  byCategory: CategoryLine[];
  /** For a household's summary only: each member's totals per currency (members by first name). */
  byMember?: MemberTotal[];
}

export interface MemberTotal extends CurrencyTotal {
  userId: string;
  firstName: string;
}

/** Member sums (one row per currency and direction) → one line per member and currency. */
export function memberTotals(rows: readonly MemberSumRow[]): MemberTotal[] {
  const lines = new Map<string, MemberTotal>();
  for (const r of rows) {
    const key = `${r.userId}|${r.currency}`;
    const line = lines.get(key) ?? {
      userId: r.userId,
      firstName: r.firstName,
      currency: r.currency,
      incomeMinor: 0n,
      expenseMinor: 0n,
      count: 0,
    };
    if (r.type === 'income') line.incomeMinor += r.amountMinor;
    else line.expenseMinor += r.amountMinor;
    line.count += r.count;
    lines.set(key, line);
  }
  return [...lines.values()];
}

const TYPE_ORDER: Record<TransactionType, number> = { expense: 0, income: 1 };

/**
 * Sums per category → the summary (totals per currency, shares within each type and currency). The shares are
 * rounded once, by the largest-remainder method (common/money/shares.ts), so those of a group add up to exactly
 * 100% in every precision shown.
 */
export function summarize(
  range: StatsRange,
  rows: readonly CategorySumRow[],
  name: (key: string) => string,
): Summary {
  const groups = new Map<string, CategorySumRow[]>();
  const totals = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    const g = `${r.type}|${r.currency}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
    const t = totals.get(r.currency) ?? { currency: r.currency, incomeMinor: 0n, expenseMinor: 0n, count: 0 };
    if (r.type === 'income') t.incomeMinor += r.amountMinor;
    else t.expenseMinor += r.amountMinor;
    t.count += r.count;
    totals.set(r.currency, t);
  }
  const shares = new Map<CategorySumRow, { bp: number; permille: number }>();
  for (const unordered of groups.values()) {
    // A fixed order, so equal amounts get the same shares whatever order the rows came in.
    const group = [...unordered].sort((a, b) =>
      a.amountMinor === b.amountMinor
        ? a.category.localeCompare(b.category)
        : a.amountMinor > b.amountMinor
          ? -1
          : 1,
    );
    const amounts = group.map((r) => r.amountMinor);
    const bp = apportion(amounts, 10_000);
    const permille = apportion(amounts, 1_000);
    group.forEach((r, i) => shares.set(r, { bp: bp[i], permille: permille[i] }));
  }
  const byCategory = rows
    .map((r) => ({
      type: r.type,
      category: r.category,
      categoryName: name(r.category),
      currency: r.currency,
      amountMinor: r.amountMinor,
      count: r.count,
      shareBp: shares.get(r)!.bp,
      sharePermille: shares.get(r)!.permille,
    }))
    .sort(
      (a, b) =>
        TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
        a.currency.localeCompare(b.currency) ||
        (a.amountMinor === b.amountMinor
          ? a.categoryName.localeCompare(b.categoryName)
          : a.amountMinor > b.amountMinor
            ? -1
            : 1),
    );
  return {
    range,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    byCategory,
  };
}

/** Statistics of one user's transactions: shared by the REST API, /stats and spoken questions. */
@Injectable()
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly categories: CategoriesService,
  ) {}

  /**
   * The summary of a period. `wallet` absent: every record the user made; a household's: the household's records
   * from every member, with each member's totals (docs/households.md).
   */
  async summary(
    userId: string,
    language: Language,
    query: SummaryQuery,
    wallet?: WalletScope,
  ): Promise<Summary> {
    const { range, ...filter } = query;
    const sums = { start: range.start, end: range.end, ...filter, wallet };
    const household = wallet !== undefined && wallet !== 'personal' ? wallet.householdId : null;
    const [rows, members] = await Promise.all([
      this.repo.categorySums(userId, sums),
      household ? this.repo.memberSums({ ...sums, wallet: { householdId: household } }) : undefined,
    ]);
    const name = await this.categories.nameResolver(
      userId,
      language,
      rows.map((r) => r.category).concat(filter.category ? [filter.category] : []),
    );
    const summary = summarize(range, rows, name);
    return wallet !== undefined && wallet !== 'personal'
      ? { ...summary, byMember: memberTotals(members ?? []) }
      : summary;
  }

  /** The name of one category key in the language (the user's own categories included). */
  async categoryName(userId: string, language: Language, key: string): Promise<string> {
    return (await this.categories.nameResolver(userId, language, [key]))(key);
  }
}
