/** The JSON of transactions on the REST API (snake_case, money as decimal strings; docs/interface.md §3). */
import { toDecimalString } from '../../common/money';
import type { TransactionSource, TransactionType } from './transaction.entity';
import type { Transaction } from './transaction.entity';
import { inKeyOrder } from './idempotency';
import type { BalanceLine, BalanceSummary } from './transactions.service';
import { walletOf, type Wallet } from './wallet';

/** The API shape of a transaction (DRF style: snake_case, money as a decimal string). */
export interface TransactionJson extends Record<string, unknown> {
  id: string;
  type: TransactionType;
  amount: string;
  currency: string;
  category: string;
  category_name: string;
  description: string;
  date: string;
  source: TransactionSource;
  /** What speech-to-text heard (source `voice`), else null. */
  transcript: string | null;
  /** personal or household (docs/households.md). */
  wallet: Wallet;
  /** Who made it (user id). */
  created_by: string;
  created_at: string;
  updated_at: string;
}

export const TRANSACTION_JSON_KEYS: ReadonlyArray<keyof TransactionJson & string> = [
  'id',
  'type',
  'amount',
  'currency',
  'category',
  'category_name',
  'description',
  'date',
  'source',
  'transcript',
  'wallet',
  'created_by',
  'created_at',
  'updated_at',
];

/** The API shape of a transaction; `categoryName` defaults to the key (callers with a user pass the translation). */
export function transactionJson(tx: Transaction, categoryName?: string): TransactionJson {
  return {
    id: tx.id,
    type: tx.type,
    amount: toDecimalString(tx.amount),
    currency: tx.currency,
    category: tx.category,
    category_name: categoryName ?? tx.category,
    description: tx.description,
    date: tx.occurredAt.toISOString(),
    source: tx.source,
    transcript: tx.transcript,
    wallet: walletOf(tx),
    created_by: tx.userId,
    created_at: tx.createdAt.toISOString(),
    updated_at: tx.updatedAt.toISOString(),
  };
}

/** A stored response body of POST /api/transactions/ (an Idempotency-Key replay), its keys in the API's order. */
export function replayedTransactionJson(body: unknown): TransactionJson {
  return inKeyOrder(body as TransactionJson, TRANSACTION_JSON_KEYS);
}

function balanceLineJson(l: BalanceLine) {
  return {
    currency: l.currency,
    income: toDecimalString(l.incomeMinor),
    expense: toDecimalString(l.expenseMinor),
    balance: toDecimalString(l.balanceMinor),
  };
}

/** GET /api/transactions/balance/: totals per currency and the converted total, as of `now`. */
export function balanceJson({ totals, converted }: BalanceSummary, now: Date = new Date()) {
  return {
    totals: totals.map(balanceLineJson),
    converted: converted && {
      ...balanceLineJson(converted),
      rate_date: converted.rateDate,
      rates: converted.rates,
    },
    as_of: now.toISOString(),
  };
}
