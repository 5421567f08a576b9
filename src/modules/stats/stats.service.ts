import { Injectable } from '@nestjs/common';
import { toDecimalString } from '../../common/money';
import type { Language } from '../../config/app-config';
import { CategoriesService } from '../categories/categories.service';
import type { TransactionType } from '../transactions/transaction.entity';
import { CategorySumRow, StatsRepository } from './stats.repository';
import type { StatsRange, SummaryQuery } from './stats.period';

export interface CategoryLine {
  type: TransactionType;
  category: string;
  categoryName: string;
  currency: string;
  amountMinor: bigint;
  count: number;
  /** Share of this category within its (type, currency) total, in basis points (1/100 of a percent). */
  shareBp: number;
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
}

/** amount / total in basis points, rounded half up; exact (bigint). */
export function shareBasisPoints(amount: bigint, total: bigint): number {
  if (total <= 0n) return 0;
  return Number((amount * 20000n + total) / (2n * total));
}

const TYPE_ORDER: Record<TransactionType, number> = { expense: 0, income: 1 };

/** Sums per category → the summary (totals per currency, shares within each type and currency). */
export function summarize(range: StatsRange, rows: readonly CategorySumRow[], name: (key: string) => string): Summary {
  const groupTotals = new Map<string, bigint>();
  const totals = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    const g = `${r.type}|${r.currency}`;
    groupTotals.set(g, (groupTotals.get(g) ?? 0n) + r.amountMinor);
    const t = totals.get(r.currency) ?? { currency: r.currency, incomeMinor: 0n, expenseMinor: 0n, count: 0 };
    if (r.type === 'income') t.incomeMinor += r.amountMinor;
    else t.expenseMinor += r.amountMinor;
    t.count += r.count;
    totals.set(r.currency, t);
  }
  const byCategory = rows
    .map((r) => ({
      type: r.type,
      category: r.category,
      categoryName: name(r.category),
      currency: r.currency,
      amountMinor: r.amountMinor,
      count: r.count,
      shareBp: shareBasisPoints(r.amountMinor, groupTotals.get(`${r.type}|${r.currency}`) ?? 0n),
    }))
    .sort(
      (a, b) =>
        TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
        a.currency.localeCompare(b.currency) ||
        (a.amountMinor === b.amountMinor ? a.categoryName.localeCompare(b.categoryName) : a.amountMinor > b.amountMinor ? -1 : 1),
    );
  return { range, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)), byCategory };
}

/** The JSON of GET /api/analytics/summary/ (the Mini App draws its chart from it; field names are fixed). */
export function summaryJson(s: Summary) {
  return {
    period: s.range.period,
    date_from: s.range.from,
    date_to: s.range.to,
    totals: s.totals.map((t) => ({
      currency: t.currency,
      income: toDecimalString(t.incomeMinor),
      expense: toDecimalString(t.expenseMinor),
      balance: toDecimalString(t.incomeMinor - t.expenseMinor),
      count: t.count,
    })),
    by_category: s.byCategory.map((c) => ({
      type: c.type,
      category: c.category,
      category_name: c.categoryName,
      currency: c.currency,
      amount: toDecimalString(c.amountMinor),
      count: c.count,
      share_percent: c.shareBp / 100,
    })),
  };
}

/** Statistics of one user's transactions: shared by the REST API, /stats and spoken questions. */
@Injectable()
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly categories: CategoriesService,
  ) {}

  async summary(userId: string, language: Language, query: SummaryQuery): Promise<Summary> {
    const { range, ...filter } = query;
    const rows = await this.repo.categorySums(userId, { start: range.start, end: range.end, ...filter });
    const name = await this.categories.nameResolver(
      userId,
      language,
      rows.map((r) => r.category).concat(filter.category ? [filter.category] : []),
    );
    return summarize(range, rows, name);
  }

  /** The name of one category key in the language (the user's own categories included). */
  async categoryName(userId: string, language: Language, key: string): Promise<string> {
    return (await this.categories.nameResolver(userId, language, [key]))(key);
  }
}
