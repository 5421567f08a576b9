import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Language } from '../../config/app-config';
import type { TransactionType } from '../nlu/nlu.types';

export type PlannedStatus = 'offered' | 'scheduled' | 'sent' | 'recorded' | 'skipped' | 'declined';
export type PlannedSource = 'text' | 'voice';

/** One item as stored in planned_payments.items (the parse JSON's shape: the amount as a decimal string). */
export interface StoredPlannedItem {
  type: TransactionType;
  amount: string;
  currency: string;
  category: string;
  description: string;
  date: string;
}

export interface PlannedRow {
  id: string;
  userId: string;
  sourceUpdateId: bigint;
  source: PlannedSource;
  transcript: string | null;
  items: StoredPlannedItem[];
  /** YYYY-MM-DD: the day the phrase named; null when it named none. */
  plannedOn: string | null;
  /** YYYY-MM-DD: the day of the reminder, once one was asked for. */
  remindOn: string | null;
  status: PlannedStatus;
}

/** A scheduled reminder with what its message needs about the user. */
export interface DueRow extends PlannedRow {
  chatId: bigint;
  language: Language;
  timezone: string;
}

interface DbRow {
  id: string;
  user_id: string;
  source_update_id: string;
  source: PlannedSource;
  transcript: string | null;
  items: StoredPlannedItem[];
  planned_on: string | null;
  remind_on: string | null;
  status: PlannedStatus;
  telegram_chat_id?: string;
  language?: Language;
  timezone?: string;
}

const COLUMNS = `p.id, p.user_id, p.source_update_id::text AS source_update_id, p.source, p.transcript, p.items,
  p.planned_on::text AS planned_on, p.remind_on::text AS remind_on, p.status`;

function toRow(r: DbRow): PlannedRow {
  return {
    id: r.id,
    userId: r.user_id,
    sourceUpdateId: BigInt(r.source_update_id),
    source: r.source,
    transcript: r.transcript,
    items: Array.isArray(r.items) ? r.items : [],
    plannedOn: r.planned_on,
    remindOn: r.remind_on,
    status: r.status,
  };
}

/** Statuses after which nothing is left to do (stamped with resolved_at). */
const FINAL: readonly PlannedStatus[] = ['recorded', 'skipped', 'declined'];

/** All SQL about planned_payments. Every query is scoped by user id, except the reminder tick's. */
@Injectable()
export class PlannedPaymentsRepository {
  constructor(private readonly db: DataSource) {}

  /** Inserts the offer of one message (a redelivered one keeps the first) and returns the stored row. */
  async insertOffer(
    userId: string,
    offer: {
      updateId: bigint;
      source: PlannedSource;
      transcript: string | null;
      items: StoredPlannedItem[];
      plannedOn: string | null;
    },
  ): Promise<PlannedRow> {
    await this.db.query(
      `INSERT INTO planned_payments (user_id, source_update_id, source, transcript, items, planned_on)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::date)
       ON CONFLICT ON CONSTRAINT uq_planned_payments_update DO NOTHING`,
      [
        userId,
        offer.updateId.toString(),
        offer.source,
        offer.transcript,
        JSON.stringify(offer.items),
        offer.plannedOn,
      ],
    );
    return (await this.find(userId, offer.updateId))!;
  }

  async find(userId: string, updateId: bigint): Promise<PlannedRow | null> {
    const rows: DbRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM planned_payments p WHERE p.user_id = $1 AND p.source_update_id = $2`,
      [userId, updateId.toString()],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /**
   * Moves the row to `to` only while its status is one of `from` (one conditional UPDATE: of two racing presses or
   * ticks, one gets the row, the other null). `remindOn` sets the reminder's day.
   */
  async transition(
    userId: string,
    updateId: bigint,
    from: readonly PlannedStatus[],
    to: PlannedStatus,
    remindOn?: string,
  ): Promise<PlannedRow | null> {
    const rows: DbRow[] = await this.db.query(
      `WITH changed AS (
         UPDATE planned_payments p
            SET status = $4::text,
                remind_on = COALESCE($5::date, p.remind_on),
                sent_at = CASE WHEN $4::text = 'sent' THEN now() ELSE p.sent_at END,
                resolved_at = CASE WHEN $4::text = ANY($6::text[]) THEN now() ELSE NULL END,
                updated_at = now()
          WHERE p.user_id = $1 AND p.source_update_id = $2 AND p.status = ANY($3::text[])
         RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [userId, updateId.toString(), from, to, remindOn ?? null, FINAL],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /** Scheduled reminders whose day is on or before `day` (YYYY-MM-DD), of users who have not blocked the bot. */
  async scheduledUpTo(day: string, limit = 1000): Promise<DueRow[]> {
    const rows: DbRow[] = await this.db.query(
      `SELECT ${COLUMNS}, u.telegram_chat_id::text AS telegram_chat_id, u.language, u.timezone
         FROM planned_payments p JOIN users u ON u.id = p.user_id
        WHERE p.status = 'scheduled' AND p.remind_on <= $1::date AND u.is_active
        ORDER BY p.remind_on, p.id
        LIMIT $2`,
      [day, limit],
    );
    return rows.map((r) => ({
      ...toRow(r),
      chatId: BigInt(r.telegram_chat_id!),
      language: r.language!,
      timezone: r.timezone!,
    }));
  }
}
