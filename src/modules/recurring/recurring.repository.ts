import { preparedQuery } from '../../database/prepared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { parseDbDecimal, toDecimalString } from '../../common/money';
import type { Language } from '../../config/app-config';
import type { TransactionType } from '../nlu/nlu.types';
import { FOLD_FROM, FOLD_TO } from '../transactions/transactions.repository';
import type { Wallet } from '../transactions/wallet';
import { PATTERN_MONTHS, type PatternRecord } from './patterns';
import { OccurrenceStatus, RecurringOccurrence } from './recurring-occurrence.entity';
import { RecurringRule } from './recurring-rule.entity';

/** A rule to look at on a scheduler tick, with what the run needs about its user. */
export interface ActiveRule {
  rule: RecurringRule;
  timezone: string;
  language: Language;
  chatId: bigint;
  /** Occurrence dates already handled since `since`. */
  handled: string[];
}

/** An occurrence with its rule (the buttons under an ask). */
export interface OccurrenceWithRule {
  occurrence: RecurringOccurrence;
  rule: RecurringRule;
}

/** An offer to make a pattern recurring (recurring_offers, docs/recurring.md "Noticing patterns"). */
export interface PatternOffer {
  id: string;
  type: TransactionType;
  description: string;
  category: string;
  amountMinor: bigint;
  currency: string;
  day: number;
  wallet: Wallet;
  /** The record that completed the pattern (null once deleted), and its local month's first day. */
  transactionId: string | null;
  paidMonth: string;
}

/** A description folded in SQL as patterns.ts `foldDescription` folds it in TypeScript. */
const FOLDED = (column: string) =>
  `translate(lower(btrim(${column})), '${FOLD_FROM.replace(/'/g, "''")}', '${FOLD_TO}')`;

/** All SQL about recurring rules and their occurrences; every user-facing query is scoped by user id. */
@Injectable()
export class RecurringRepository {
  constructor(
    @InjectRepository(RecurringRule) private readonly rules: Repository<RecurringRule>,
    @InjectRepository(RecurringOccurrence) private readonly occurrences: Repository<RecurringOccurrence>,
  ) {}

  async page(
    userId: string,
    offset: number,
    limit: number,
  ): Promise<{ rows: RecurringRule[]; count: number }> {
    const [rows, count] = await this.rules.findAndCount({
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { rows, count };
  }

  findOwned(userId: string, id: string): Promise<RecurringRule | null> {
    return this.rules.findOneBy({ id, userId });
  }

  insert(values: Partial<RecurringRule>): Promise<RecurringRule> {
    return this.rules.save(this.rules.create(values));
  }

  save(rule: RecurringRule): Promise<RecurringRule> {
    return this.rules.save(rule);
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    const result = await this.rules.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The rules that record into a wallet (the forecast, docs/forecast.md): the user's personal rules, or the
   * household rules of the household's current members.
   */
  inWallet(scope: { userId: string } | { householdId: string }): Promise<RecurringRule[]> {
    if ('userId' in scope)
      return this.rules.find({
        where: { userId: scope.userId, wallet: 'personal' },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
    return this.rules
      .createQueryBuilder('r')
      .innerJoin('household_members', 'm', 'm.user_id = r.user_id AND m.household_id = :household', {
        household: scope.householdId,
      })
      .where(`r.wallet = 'household'`)
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** The latest handled occurrence date of each rule (for next_date). */
  async lastHandled(ruleIds: readonly string[]): Promise<Map<string, string>> {
    if (!ruleIds.length) return new Map();
    const rows: Array<{ id: string; last: string }> = await this.rules.query(
      `SELECT recurring_id AS id, max(occurrence_date)::text AS last FROM recurring_occurrences
       WHERE recurring_id = ANY($1::uuid[]) GROUP BY recurring_id`,
      [ruleIds],
    );
    return new Map(rows.map((r) => [r.id, r.last]));
  }

  /** Every rule that is not paused, of users the bot can write to, with the occurrences handled since `since`. */
  async active(since: string): Promise<ActiveRule[]> {
    const rows: Array<{
      id: string;
      timezone: string;
      language: Language;
      chat_id: string;
      handled: string[];
    }> = await this.rules.query(
      `SELECT r.id, u.timezone, u.language, u.telegram_chat_id::text AS chat_id,
                COALESCE(array_agg(o.occurrence_date::text) FILTER (WHERE o.id IS NOT NULL), '{}') AS handled
         FROM recurring_rules r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN recurring_occurrences o ON o.recurring_id = r.id AND o.occurrence_date >= $1::date
         WHERE NOT r.paused AND u.is_active
         GROUP BY r.id, u.timezone, u.language, u.telegram_chat_id
         ORDER BY r.id`,
      [since],
    );
    if (!rows.length) return [];
    const rules = new Map(
      (
        await this.rules
          .createQueryBuilder('r')
          .whereInIds(rows.map((r) => r.id))
          .getMany()
      ).map((r) => [r.id, r]),
    );
    return rows
      .filter((r) => rules.has(r.id))
      .map((r) => ({
        rule: rules.get(r.id)!,
        timezone: r.timezone,
        language: r.language,
        chatId: BigInt(r.chat_id),
        handled: r.handled,
      }));
  }

  /**
   * Claims an occurrence (INSERT … ON CONFLICT DO NOTHING on (recurring_id, occurrence_date)): its id when this call
   * took it, null when another tick or instance already has it.
   */
  async claim(
    em: EntityManager,
    rule: RecurringRule,
    date: string,
    status: OccurrenceStatus,
    amountMinor: bigint | null,
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await em.query(
      `WITH claimed AS (
         INSERT INTO recurring_occurrences (recurring_id, user_id, occurrence_date, status, amount, resolved_at)
         VALUES ($1, $2, $3::date, $4::varchar, $5::numeric, CASE WHEN $4::varchar = 'asked' THEN NULL ELSE now() END)
         ON CONFLICT ON CONSTRAINT uq_recurring_occurrences_key DO NOTHING RETURNING id)
       SELECT id FROM claimed`,
      [rule.id, rule.userId, date, status, amountMinor === null ? null : toDecimalString(amountMinor)],
    );
    return rows[0]?.id ?? null;
  }

  /** Gives an ask back after a send that failed for a passing reason (a later tick asks again). */
  async release(id: string): Promise<void> {
    await this.occurrences.delete({ id, status: 'asked' });
  }

  async setTransaction(em: EntityManager, id: string, transactionId: string): Promise<void> {
    await em.query(`UPDATE recurring_occurrences SET transaction_id = $2 WHERE id = $1`, [id, transactionId]);
  }

  /**
   * Answers an ask: moves it from `asked` to `status` in one UPDATE, so of two presses one wins. Null when it is
   * not the user's, or already answered.
   */
  async resolve(
    em: EntityManager,
    userId: string,
    id: string,
    status: 'recorded' | 'skipped',
    amountMinor: bigint | null,
  ): Promise<boolean> {
    const rows: Array<{ id: string }> = await em.query(
      `WITH changed AS (
         UPDATE recurring_occurrences SET status = $3, amount = $4::numeric, resolved_at = now()
         WHERE id = $1 AND user_id = $2 AND status = 'asked' RETURNING id)
       SELECT id FROM changed`,
      [id, userId, status, amountMinor === null ? null : toDecimalString(amountMinor)],
    );
    return rows.length > 0;
  }

  async findOccurrence(userId: string, id: string): Promise<OccurrenceWithRule | null> {
    const occurrence = await this.occurrences.findOneBy({ id, userId });
    if (!occurrence) return null;
    const rule = await this.rules.findOneBy({ id: occurrence.recurringId, userId });
    return rule ? { occurrence, rule } : null;
  }

  // --- noticing patterns (docs/recurring.md) ------------------------------------------------------------------------

  /**
   * The user's records of this type and folded description in [from, to) — none when the description was offered
   * already (whatever the answer) or the user has a rule with it: then there is nothing to offer. The range scan runs
   * on ix_transactions_user_occurred (user_id, occurred_at DESC); the description test on those rows only. At most
   * PATTERN_MONTHS + 1 rows come back: [from, to) is the pattern's months, and more records than months in it means
   * some month has two — a habit (daily coffee), never a pattern — however many there are.
   */
  async patternRecordsUnlessKnown(
    userId: string,
    type: TransactionType,
    key: string,
    from: Date,
    to: Date,
  ): Promise<PatternRecord[]> {
    const rows = await preparedQuery<{ id: string; amount: string; currency: string; occurred_at: Date }>(
      this.rules.manager.connection,
      `SELECT t.id, t.amount::text AS amount, t.currency, t.occurred_at FROM transactions t
         WHERE t.user_id = $1 AND t.occurred_at >= $2 AND t.occurred_at < $3 AND t.type = $4
           AND ${FOLDED('t.description')} = $5
           AND NOT EXISTS (SELECT 1 FROM recurring_offers o WHERE o.user_id = $1 AND o.type = $4 AND o.description_key = $5)
           AND NOT EXISTS (SELECT 1 FROM recurring_rules r WHERE r.user_id = $1 AND r.type = $4 AND ${FOLDED('r.description')} = $5)
         ORDER BY t.occurred_at DESC LIMIT ${PATTERN_MONTHS + 1}`,
      [userId, from, to, type, key],
    );
    return rows.map((r) => ({
      id: r.id,
      amountMinor: parseDbDecimal(r.amount),
      currency: r.currency.trim(),
      occurredAt: new Date(r.occurred_at),
    }));
  }

  /**
   * Claims the offer of a pattern (INSERT … ON CONFLICT DO NOTHING on (user_id, type, description_key)): its id when
   * this call made it, null when it was offered before (by another instance too).
   */
  async claimOffer(userId: string, key: string, offer: Omit<PatternOffer, 'id'>): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.rules.query(
      `WITH claimed AS (
         INSERT INTO recurring_offers
           (user_id, type, description_key, description, category, amount, currency, day, wallet, transaction_id, paid_month)
         VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8, $9, $10, $11::date)
         ON CONFLICT ON CONSTRAINT uq_recurring_offers_key DO NOTHING RETURNING id)
       SELECT id FROM claimed`,
      [
        userId,
        offer.type,
        key,
        offer.description,
        offer.category,
        toDecimalString(offer.amountMinor),
        offer.currency,
        offer.day,
        offer.wallet,
        offer.transactionId,
        offer.paidMonth,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Answers an offer: moves it from `offered` to `status` in one UPDATE, so of two presses one wins. Null when it is
   * not the user's or already answered.
   */
  async answerOffer(
    userId: string,
    id: string,
    status: 'accepted' | 'declined',
  ): Promise<PatternOffer | null> {
    const rows: Array<{
      id: string;
      type: TransactionType;
      description: string;
      category: string;
      amount: string;
      currency: string;
      day: number;
      wallet: Wallet;
      transaction_id: string | null;
      paid_month: string;
    }> = await this.rules.query(
      `WITH changed AS (
         UPDATE recurring_offers SET status = $3, resolved_at = now()
         WHERE id = $1 AND user_id = $2 AND status = 'offered'
         RETURNING id, type, description, category, amount::text AS amount, currency, day, wallet,
                   transaction_id, paid_month::text AS paid_month)
       SELECT * FROM changed`,
      [id, userId, status],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      type: r.type,
      description: r.description,
      category: r.category,
      amountMinor: parseDbDecimal(r.amount),
      currency: r.currency.trim(),
      day: Number(r.day),
      wallet: r.wallet,
      transactionId: r.transaction_id,
      paidMonth: r.paid_month,
    };
  }

  /** ✅ made the rule: remember which. */
  async offerAccepted(id: string, ruleId: string): Promise<void> {
    await this.rules.query(`UPDATE recurring_offers SET recurring_id = $2 WHERE id = $1`, [id, ruleId]);
  }

  /** ✅ could not make the rule (the category deleted, the household left): the offer stands again. */
  async reopenOffer(id: string): Promise<void> {
    await this.rules.query(
      `UPDATE recurring_offers SET status = 'offered', resolved_at = NULL WHERE id = $1 AND status = 'accepted'`,
      [id],
    );
  }
}
