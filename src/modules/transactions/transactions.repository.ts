import { preparedQuery } from '../../database/prepared';
import { columnsOf, entityFromRow, insertStatement } from '../../database/raw-entities';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { parseDbDecimal, toDecimalString } from '../../common/money';
import { Transaction, TransactionType } from './transaction.entity';
import type { WalletScope } from './wallet';
export type { WalletScope };

export interface TransactionFilter {
  wallet?: WalletScope;
  type?: TransactionType;
  currency?: string;
  category?: string;
  dateFrom?: Date;
  dateTo?: Date;
  search?: string;
}

export type TransactionOrderField = 'occurred_at' | 'amount' | 'created_at';
export interface TransactionOrder {
  field: TransactionOrderField;
  direction: 'ASC' | 'DESC';
}

/** One transaction as the export reads it. */
export interface ExportRow {
  occurredAt: Date;
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  category: string;
  description: string;
  source: string;
}

/** Where the next export page starts: the last row's keys, as the database prints them. */
export interface ExportCursor {
  occurredAt: string;
  createdAt: string;
  id: string;
}

export interface CurrencyTotals {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
}

const ORDER_COLUMNS: Record<TransactionOrderField, string> = {
  occurred_at: 't.occurred_at',
  amount: 't.amount',
  created_at: 't.created_at',
};

/** One member's totals in one currency. */
export interface MemberTotals extends CurrencyTotals {
  userId: string;
  firstName: string;
}

/** Per currency: how many rows and their sum. */
export interface CountedTotal {
  currency: string;
  count: number;
  amountMinor: bigint;
}

/** Rows whose description has a word: how many and how much per currency, and the latest of them. */
export interface DescriptionMatches {
  totals: CountedTotal[];
  latest: Transaction[];
}

/**
 * Descriptions are compared folded as the phrase parser folds words (src/modules/nlu/normalize.ts): lower case,
 * ё → е, Uzbek Cyrillic ў қ ғ ҳ → у к г х, every apostrophe form dropped — so «Такси», "taksiga" and "soʻm" meet
 * the parser's "такси", "taksi" and "som". translate() drops the characters that have no counterpart.
 */
export const FOLD_FROM = "ёўқғҳ'‘’ʻʼ`´′";
export const FOLD_TO = 'еукгх';

/** A literal for a PostgreSQL regular expression. */
const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A SUM() from the database → minor units (a NULL sum is zero). */
function toMinor(value: string | null): bigint {
  return value ? parseDbDecimal(value) : 0n;
}

/** All SQL about transactions. Every query is scoped by user id. */
@Injectable()
export class TransactionsRepository {
  constructor(@InjectRepository(Transaction) private readonly repo: Repository<Transaction>) {}

  /** The filter as a WHERE clause on `t` with named parameters (:userId, :type, …), for the builder or by hand. */
  private filterClause(userId: string, filter: TransactionFilter): { where: string; params: ObjectLiteral } {
    const parts: string[] = [];
    const params: ObjectLiteral = { userId };
    const wallet = filter.wallet;
    if (wallet === undefined) parts.push('t.user_id = :userId');
    else if (wallet === 'personal') parts.push('t.user_id = :userId AND t.household_id IS NULL');
    else if (wallet.householdId) {
      parts.push('t.household_id = :householdId');
      params.householdId = wallet.householdId;
    } else parts.push('false');
    const equal = (column: string, name: keyof TransactionFilter) => {
      if (!filter[name]) return;
      parts.push(`t.${column} = :${name}`);
      params[name] = filter[name];
    };
    equal('type', 'type');
    equal('currency', 'currency');
    equal('category', 'category');
    if (filter.dateFrom) {
      parts.push('t.occurred_at >= :dateFrom');
      params.dateFrom = filter.dateFrom;
    }
    if (filter.dateTo) {
      parts.push('t.occurred_at < :dateTo');
      params.dateTo = filter.dateTo;
    }
    if (filter.search) {
      parts.push('(t.description ILIKE :like OR t.category ILIKE :like)');
      params.like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    return { where: parts.join(' AND '), params };
  }

  private filtered(userId: string, filter: TransactionFilter): SelectQueryBuilder<Transaction> {
    const clause = this.filterClause(userId, filter);
    return this.repo.createQueryBuilder('t').where(clause.where, clause.params);
  }

  async page(
    userId: string,
    filter: TransactionFilter,
    order: TransactionOrder,
    offset: number,
    limit: number,
  ): Promise<{ rows: Transaction[]; count: number }> {
    // Written by hand (the list is the most asked-for page: the builder and its hydration cost more CPU than the
    // statement, docs/benchmarks-analysis.md, issue 16); the count below still goes through the builder when filtered.
    const db = this.repo.manager.connection;
    const clause = this.filterClause(userId, filter);
    const dir = order.direction === 'ASC' ? 'ASC' : 'DESC';
    const [sql, params] = db.driver.escapeQueryWithParameters(
      `SELECT ${columnsOf(db, Transaction, 't')} FROM transactions t WHERE ${clause.where}
       ORDER BY ${ORDER_COLUMNS[order.field]} ${dir}, t.created_at ${dir}, t.id ${dir} LIMIT :limit OFFSET :offset`,
      { ...clause.params, limit, offset },
      {},
    );
    const counter = this.countFromBalances(filter);
    // Unfiltered or by currency only (the usual pages), the statement's text has a few dozen forms and is kept
    // prepared; filtered otherwise it has hundreds, with plans that depend on the values (a search, a date range):
    // those run unnamed, so they neither use up prepared.ts's names nor keep a generic plan.
    const run = counter ? preparedQuery(db, sql, params) : db.query(sql, params);
    const rows = run.then((found: Array<Record<string, unknown>>) =>
      found.map((r) => entityFromRow(db, Transaction, r)),
    );
    const [found, count] = await Promise.all([
      rows,
      counter ? counter(userId) : this.filtered(userId, filter).getCount(),
    ]);
    return { rows: found, count };
  }

  /**
   * Without filters (or with a currency only) the count is the trigger-maintained user_balances.tx_count: the
   * list stays as fast for 100,000 rows as for 100. Any other filter counts the matching rows.
   */
  private countFromBalances(filter: TransactionFilter): ((userId: string) => Promise<number>) | null {
    const used = (Object.keys(filter) as Array<keyof TransactionFilter>).filter(
      (k) => filter[k] !== undefined && filter[k] !== '',
    );
    if (used.some((k) => k !== 'currency')) return null;
    return async (userId) => {
      const rows = await preparedQuery<{ n: string | null }>(
        this.repo.manager.connection,
        `SELECT SUM(tx_count)::text AS n FROM user_balances WHERE user_id = $1${filter.currency ? ' AND currency = $2' : ''}`,
        filter.currency ? [userId, filter.currency] : [userId],
      );
      return Number(rows[0]?.n ?? 0);
    };
  }

  recent(userId: string, limit: number): Promise<Transaction[]> {
    return this.repo
      .createQueryBuilder('t')
      .where('t.user_id = :userId', { userId })
      .orderBy('t.occurred_at', 'DESC')
      .addOrderBy('t.created_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** The user's totals per currency from the trigger-maintained user_balances (currencies with transactions only). */
  async balances(userId: string): Promise<CurrencyTotals[]> {
    const rows = await preparedQuery<{ currency: string; income: string; expense: string }>(
      this.repo.manager.connection,
      `SELECT currency, income::text AS income, expense::text AS expense FROM user_balances WHERE user_id = $1 AND tx_count > 0 ORDER BY currency`,
      [userId],
    );
    return rows.map((r) => ({
      currency: r.currency,
      incomeMinor: parseDbDecimal(r.income),
      expenseMinor: parseDbDecimal(r.expense),
    }));
  }

  /** Totals per currency summed over the matching rows (the reference user_balances must always agree with). */
  async totals(userId: string, filter: TransactionFilter = {}): Promise<CurrencyTotals[]> {
    const rows: Array<{ currency: string; income: string | null; expense: string | null }> =
      await this.filtered(userId, filter)
        .select('t.currency', 'currency')
        .addSelect(`SUM(CASE WHEN t.type = 'income' THEN t.amount ELSE 0 END)`, 'income')
        .addSelect(`SUM(CASE WHEN t.type = 'expense' THEN t.amount ELSE 0 END)`, 'expense')
        .groupBy('t.currency')
        .orderBy('t.currency', 'ASC')
        .getRawMany();
    return rows.map((r) => ({
      currency: r.currency,
      incomeMinor: toMinor(r.income),
      expenseMinor: toMinor(r.expense),
    }));
  }

  /**
   * One page of the user's rows matching the filter, oldest first (occurred_at, created_at, id), after `after`
   * (keyset paging on ix_transactions_user_occurred). Each page is one short statement: an export holds no
   * connection, and no transaction, while it waits for its client. The cursor keeps the database's own text of
   * the timestamps (microseconds; a JS Date would round them to milliseconds and skip or repeat rows).
   */
  async exportPage(
    userId: string,
    filter: TransactionFilter,
    after: ExportCursor | null,
    limit: number,
  ): Promise<{ rows: ExportRow[]; next: ExportCursor | null }> {
    const qb = this.filtered(userId, filter)
      .select('t.occurred_at', 'occurred_at')
      .addSelect('t.type', 'type')
      .addSelect('t.amount::text', 'amount')
      .addSelect('t.currency', 'currency')
      .addSelect('t.category', 'category')
      .addSelect('t.description', 'description')
      .addSelect('t.source', 'source')
      .addSelect('t.occurred_at::text', 'k_occurred')
      .addSelect('t.created_at::text', 'k_created')
      .addSelect('t.id::text', 'k_id')
      .orderBy('t.occurred_at', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(Math.max(1, Math.floor(limit)));
    if (after) {
      // The plain bound lets the index range scan start at the cursor; the row comparison breaks the ties.
      qb.andWhere('t.occurred_at >= CAST(:kOccurred AS timestamptz)', {
        kOccurred: after.occurredAt,
      }).andWhere(
        '(t.occurred_at, t.created_at, t.id) > (CAST(:kOccurred AS timestamptz), CAST(:kCreated AS timestamptz), CAST(:kId AS uuid))',
        { kCreated: after.createdAt, kId: after.id },
      );
    }
    const raw = await qb.getRawMany<{
      occurred_at: Date;
      type: TransactionType;
      amount: string;
      currency: string;
      category: string;
      description: string;
      source: string;
      k_occurred: string;
      k_created: string;
      k_id: string;
    }>();
    const last = raw[raw.length - 1];
    return {
      rows: raw.map((r) => ({
        occurredAt: r.occurred_at,
        type: r.type,
        amountMinor: parseDbDecimal(r.amount),
        currency: r.currency,
        category: r.category,
        description: r.description,
        source: r.source,
      })),
      next:
        raw.length === limit && last
          ? { occurredAt: last.k_occurred, createdAt: last.k_created, id: last.k_id }
          : null,
    };
  }

  /**
   * The user's rows matching the filter whose description has a word starting with `term` (already folded, see
   * FOLD_FROM): how many and how much per currency, and the `limit` latest. The period's range scan runs on
   * ix_transactions_user_occurred; the word test (\m, the start of a word) on those rows only.
   */
  async matchingDescription(
    userId: string,
    term: string,
    filter: TransactionFilter,
    limit: number,
  ): Promise<DescriptionMatches> {
    const qb = this.filtered(userId, { ...filter, search: undefined }).andWhere(
      'translate(lower(t.description), :foldFrom, :foldTo) ~ :pattern',
      {
        foldFrom: FOLD_FROM,
        foldTo: FOLD_TO,
        pattern: `\\m${regexLiteral(term)}`,
      },
    );
    const [sums, latest] = await Promise.all([
      qb
        .clone()
        .select('t.currency', 'currency')
        .addSelect('COUNT(*)::int', 'count')
        .addSelect('SUM(t.amount)::text', 'total')
        .groupBy('t.currency')
        .orderBy('t.currency', 'ASC')
        .getRawMany<{ currency: string; count: number; total: string | null }>(),
      qb
        .clone()
        .orderBy('t.occurred_at', 'DESC')
        .addOrderBy('t.created_at', 'DESC')
        .addOrderBy('t.id', 'DESC')
        .limit(limit)
        .getMany(),
    ]);
    return {
      totals: sums.map((r) => ({
        currency: r.currency,
        count: Number(r.count),
        amountMinor: toMinor(r.total),
      })),
      latest,
    };
  }

  /** The user's rows recorded from one Telegram update, in item order; inside a transaction (`em`) locked FOR UPDATE. */
  findByUpdate(userId: string, updateId: bigint, em?: EntityManager): Promise<Transaction[]> {
    const qb = (em ? em.createQueryBuilder(Transaction, 't') : this.repo.createQueryBuilder('t'))
      .where('t.user_id = :userId AND t.source_update_id = :updateId', {
        userId,
        updateId: updateId.toString(),
      })
      .orderBy('t.source_item', 'ASC');
    return (em ? qb.setLock('pessimistic_write') : qb).getMany();
  }

  /** One of the user's transactions; inside a transaction (`em`) the row is locked FOR UPDATE. */
  findOwned(userId: string, id: string, em?: EntityManager): Promise<Transaction | null> {
    if (!em) return this.repo.findOneBy({ id, userId });
    return em
      .createQueryBuilder(Transaction, 't')
      .where('t.id = :id AND t.user_id = :userId', { id, userId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(values: Partial<Transaction>, manager?: EntityManager): Promise<Transaction> {
    const em = manager ?? this.repo.manager;
    return em.save(Transaction, em.create(Transaction, values));
  }

  /** Plain inserts of several rows (one statement), in the caller's transaction. */
  async insertMany(em: EntityManager, rows: Array<Partial<Transaction>>): Promise<Transaction[]> {
    return em.save(
      Transaction,
      rows.map((r) => em.create(Transaction, r)),
    );
  }

  /**
   * Inserts the items of one Telegram update, each tied to (user_id, source_update_id, source_item); items already there
   * (a redelivered update) are left alone: ON CONFLICT DO NOTHING. Returns the update's rows of this user, and the
   * ids of those this call inserted (none for a redelivery).
   */
  async insertForUpdate(
    em: EntityManager,
    userId: string,
    updateId: bigint,
    rows: Array<Partial<Transaction>>,
  ): Promise<{ rows: Transaction[]; insertedIds: Set<string> }> {
    const insert = insertStatement(
      em.connection,
      Transaction,
      rows,
      'ON CONFLICT DO NOTHING RETURNING id, source_item, created_at, updated_at',
    );
    // Inside a transaction (custom categories are locked first) on its connection; else as a prepared statement.
    const returned: Array<{ id: string; source_item: number; created_at: Date; updated_at: Date }> = em
      .queryRunner?.isTransactionActive
      ? await em.query(insert.sql, insert.params)
      : await preparedQuery(em.connection, insert.sql, insert.params);
    const insertedIds = new Set(returned.map((r) => r.id));
    // The common case, every item new: the rows are what was sent plus what the database made (issue 16: no read-back).
    // The items are matched by source_item, not by the order RETURNING gives.
    if (returned.length === rows.length) {
      const made = new Map(returned.map((r) => [Number(r.source_item), r]));
      const built = rows.map((row) => {
        const m = made.get(row.sourceItem!);
        return m
          ? em.create(Transaction, {
              externalRef: null,
              cardLast4: null,
              transcript: null,
              householdId: null,
              ...row,
              id: m.id,
              createdAt: new Date(m.created_at),
              updatedAt: new Date(m.updated_at),
            })
          : null;
      });
      if (built.every((t) => t !== null))
        return { rows: built.sort((x, y) => x.sourceItem - y.sourceItem), insertedIds };
    }
    // A redelivery (some or all items there already): read the update's rows as stored.
    const all = await em
      .createQueryBuilder(Transaction, 't')
      .where('t.user_id = :userId AND t.source_update_id = :updateId', {
        userId,
        updateId: updateId.toString(),
      })
      .orderBy('t.source_item', 'ASC')
      .getMany();
    return { rows: all, insertedIds };
  }

  /**
   * Applies a revision of one update's rows in the caller's transaction: deletes `removeIds`, changes each of `changed`
   * (moving it to its new source_item), inserts `added`; returns the update's rows in item order. Rows that move are
   * first parked at negative positions, so the unique (user_id, source_update_id, source_item) holds at every step,
   * also when two items swap places.
   */
  async reviseForUpdate(
    em: EntityManager,
    userId: string,
    updateId: bigint,
    revision: {
      removeIds: string[];
      changed: Array<{ id: string; values: Partial<Transaction>; sourceItem: number; moves: boolean }>;
      added: Array<Partial<Transaction>>;
    },
  ): Promise<Transaction[]> {
    if (revision.removeIds.length) {
      await em
        .createQueryBuilder()
        .delete()
        .from(Transaction)
        .where('user_id = :userId AND id IN (:...ids)', { userId, ids: revision.removeIds })
        .execute();
    }
    const moving = revision.changed.filter((c) => c.moves).map((c) => c.id);
    if (moving.length) {
      await em.query(
        `UPDATE transactions SET source_item = -1 - source_item WHERE user_id = $1 AND id = ANY($2::uuid[])`,
        [userId, moving],
      );
    }
    for (const c of revision.changed) {
      await em
        .createQueryBuilder()
        .update(Transaction)
        .set({ ...c.values, sourceItem: c.sourceItem })
        .where('id = :id AND user_id = :userId', { id: c.id, userId })
        .execute();
    }
    if (revision.added.length)
      await em.createQueryBuilder().insert().into(Transaction).values(revision.added).execute();
    return this.findByUpdate(userId, updateId, em);
  }

  async save(tx: Transaction, manager?: EntityManager): Promise<Transaction> {
    return (manager ?? this.repo.manager).save(Transaction, tx);
  }

  /**
   * The user's most recently created transaction, locked FOR UPDATE; rows another transaction holds are skipped,
   * so two concurrent undos take two different rows.
   */
  latestForUpdate(em: EntityManager, userId: string): Promise<Transaction | null> {
    return em
      .createQueryBuilder(Transaction, 't')
      .where('t.user_id = :userId', { userId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.source_item', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  /**
   * Inserts one row unless it collides with a unique key (the same notification already recorded: user_id +
   * external_ref; or the same update and item) — INSERT … ON CONFLICT DO NOTHING. The new row, or null.
   */
  async insertUnlessExists(em: EntityManager, row: Partial<Transaction>): Promise<Transaction | null> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Transaction)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as Array<{ id?: string }>)[0]?.id;
    return id ? em.findOneBy(Transaction, { id, userId: row.userId }) : null;
  }

  /** The user's row recorded from the notification with this fingerprint, if any. */
  findByExternalRef(userId: string, externalRef: string, em?: EntityManager): Promise<Transaction | null> {
    return (em ?? this.repo.manager).findOneBy(Transaction, { userId, externalRef });
  }

  /**
   * The record a card notification's reversal cancels: recorded from a notification, same amount and currency, the
   * same card and merchant when the reversal names them (merchant compared case-insensitively), at or before `before`;
   * the nearest one. Locked FOR UPDATE (rows another transaction holds are skipped).
   */
  findReversalMatch(
    em: EntityManager,
    userId: string,
    match: {
      amountMinor: bigint;
      currency: string;
      card: string | null;
      merchant: string;
      before: Date | null;
    },
  ): Promise<Transaction | null> {
    const qb = em
      .createQueryBuilder(Transaction, 't')
      .where('t.user_id = :userId AND t.external_ref IS NOT NULL', { userId })
      .andWhere('t.amount = :amount AND t.currency = :currency', {
        amount: toDecimalString(match.amountMinor),
        currency: match.currency,
      });
    if (match.card) qb.andWhere('t.card_last4 = :card', { card: match.card });
    if (match.merchant) qb.andWhere('lower(t.description) = lower(:merchant)', { merchant: match.merchant });
    if (match.before) qb.andWhere('t.occurred_at <= :before', { before: match.before });
    return qb
      .orderBy('t.occurred_at', 'DESC')
      .addOrderBy('t.created_at', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  /** A row the user made, or a row of the household (when given), or null. */
  findVisible(userId: string, householdId: string | null, id: string): Promise<Transaction | null> {
    const qb = this.repo.createQueryBuilder('t').where('t.id = :id', { id });
    if (householdId)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('t.user_id = :userId', { userId })
            .orWhere('t.household_id = :householdId', { householdId }),
        ),
      );
    else qb.andWhere('t.user_id = :userId', { userId });
    return qb.getOne();
  }

  /** Deletes one row of the household (its owner's right); false when the row is not in it (any more). */
  async deleteInHousehold(householdId: string, id: string): Promise<boolean> {
    const result = await this.repo.manager.delete(Transaction, { id, householdId });
    return (result.affected ?? 0) > 0;
  }

  /** Per member: totals per currency of the household's rows matching the filter (the household's breakdown). */
  async memberTotals(householdId: string, filter: TransactionFilter = {}): Promise<MemberTotals[]> {
    const rows: Array<{
      user_id: string;
      first_name: string;
      currency: string;
      income: string | null;
      expense: string | null;
    }> = await this.filtered('', { ...filter, wallet: { householdId } })
      .innerJoin('users', 'u', 'u.id = t.user_id')
      .select('t.user_id', 'user_id')
      .addSelect('u.first_name', 'first_name')
      .addSelect('t.currency', 'currency')
      .addSelect(`SUM(CASE WHEN t.type = 'income' THEN t.amount ELSE 0 END)`, 'income')
      .addSelect(`SUM(CASE WHEN t.type = 'expense' THEN t.amount ELSE 0 END)`, 'expense')
      .groupBy('t.user_id')
      .addGroupBy('u.first_name')
      .addGroupBy('t.currency')
      .orderBy('t.user_id', 'ASC')
      .addOrderBy('t.currency', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      userId: r.user_id,
      firstName: r.first_name,
      currency: r.currency,
      incomeMinor: toMinor(r.income),
      expenseMinor: toMinor(r.expense),
    }));
  }

  async deleteOwned(userId: string, id: string, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.repo.manager).delete(Transaction, { id, userId });
    return (result.affected ?? 0) > 0;
  }
}
