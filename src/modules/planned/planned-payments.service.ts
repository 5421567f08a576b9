import { Injectable, Logger } from '@nestjs/common';
import { isCurrency, parseDecimal, toDecimalString } from '../../common/money';
import { Transaction, TransactionType } from '../transactions/transaction.entity';
import { TransactionsService } from '../transactions/transactions.service';
import {
  DueRow,
  PlannedPaymentsRepository,
  PlannedRow,
  PlannedSource,
  PlannedStatus,
  StoredPlannedItem,
} from './planned-payments.repository';

/** One item of money for a later day, as the bot read it. */
export interface PlannedItem {
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  category: string;
  description: string;
  /** YYYY-MM-DD the phrase meant. */
  date: string;
}

export interface PlannedPayment {
  id: string;
  userId: string;
  /** The Telegram update of the message that said it; what it records is tied to this id. */
  updateId: bigint;
  source: PlannedSource;
  transcript: string | null;
  items: PlannedItem[];
  plannedOn: string | null;
  remindOn: string | null;
  status: PlannedStatus;
}

export interface NewPlannedPayment {
  updateId: bigint;
  source: PlannedSource;
  transcript?: string;
  items: PlannedItem[];
  plannedOn: string | null;
}

/** A reminder due to go out, with the user's chat, language and zone. */
export interface DuePlannedPayment extends PlannedPayment {
  chatId: bigint;
  language: DueRow['language'];
  timezone: string;
}

export interface RecordOutcome {
  payment: PlannedPayment;
  /** The update's rows (recorded by this call or an earlier one). */
  rows: Transaction[];
  /** False when an earlier press had recorded it already. */
  recordedNow: boolean;
}

function toItem(stored: StoredPlannedItem): PlannedItem | null {
  const amount = parseDecimal(stored.amount);
  if (!amount.ok || (stored.type !== 'income' && stored.type !== 'expense') || !isCurrency(stored.currency))
    return null;
  return {
    type: stored.type,
    amountMinor: amount.minor,
    currency: stored.currency,
    category: stored.category,
    description: stored.description,
    date: stored.date,
  };
}

function toPayment(row: PlannedRow): PlannedPayment {
  return {
    id: row.id,
    userId: row.userId,
    updateId: row.sourceUpdateId,
    source: row.source,
    transcript: row.transcript,
    items: row.items.map(toItem).filter((i): i is PlannedItem => i !== null),
    plannedOn: row.plannedOn,
    remindOn: row.remindOn,
    status: row.status,
  };
}

/** Statuses from which each step may go on. */
const CAN_SCHEDULE: readonly PlannedStatus[] = ['offered', 'scheduled', 'declined'];
const CAN_DECLINE: readonly PlannedStatus[] = ['offered', 'scheduled'];
const CAN_SKIP: readonly PlannedStatus[] = ['scheduled', 'sent'];
const CAN_RECORD: readonly PlannedStatus[] = ['offered', 'scheduled', 'sent', 'skipped', 'declined'];

/**
 * Money said for a later day: kept (never recorded as today's), reminded of on the day the user chose, and
 * recorded when the user says so — tied to the update id of the message that said it, so exactly once.
 * Plain values in; the bot and the reminder tick share it.
 */
@Injectable()
export class PlannedPaymentsService {
  private readonly logger = new Logger(PlannedPaymentsService.name);

  constructor(
    private readonly repo: PlannedPaymentsRepository,
    private readonly transactions: TransactionsService,
  ) {}

  /** Keeps what a message said (the reminder is only offered yet); a redelivered message keeps the first. */
  async offer(userId: string, offer: NewPlannedPayment): Promise<PlannedPayment> {
    const items: StoredPlannedItem[] = offer.items.map((i) => ({
      type: i.type,
      amount: toDecimalString(i.amountMinor),
      currency: i.currency,
      category: i.category,
      description: i.description,
      date: i.date,
    }));
    const row = await this.repo.insertOffer(userId, {
      updateId: offer.updateId,
      source: offer.source,
      transcript: offer.transcript?.slice(0, 4000) ?? null,
      items,
      plannedOn: offer.plannedOn,
    });
    return toPayment(row);
  }

  async find(userId: string, updateId: bigint): Promise<PlannedPayment | null> {
    const row = await this.repo.find(userId, updateId);
    return row && toPayment(row);
  }

  /** A reminder on `remindOn` (YYYY-MM-DD); null when the payment is gone or already sent, recorded or skipped. */
  async schedule(userId: string, updateId: bigint, remindOn: string): Promise<PlannedPayment | null> {
    const row = await this.repo.transition(userId, updateId, CAN_SCHEDULE, 'scheduled', remindOn);
    if (row)
      this.logger.log(
        `Payment reminder set: user_id=${userId}, update_id=${updateId}, remind_on=${remindOn}`,
      );
    return row && toPayment(row);
  }

  /** "No": neither reminded of nor recorded. */
  async decline(userId: string, updateId: bigint): Promise<PlannedPayment | null> {
    const row = await this.repo.transition(userId, updateId, CAN_DECLINE, 'declined');
    return row && toPayment(row);
  }

  /** "Skip" under the reminder. */
  async skip(userId: string, updateId: bigint): Promise<PlannedPayment | null> {
    const row = await this.repo.transition(userId, updateId, CAN_SKIP, 'skipped');
    return row && toPayment(row);
  }

  /**
   * Records the items at `occurredAt`, tied to the message's update id (a repeat inserts nothing), then marks the
   * payment recorded; of two presses racing, only one sees `recordedNow`. Null when there is no such payment.
   */
  async record(userId: string, updateId: bigint, occurredAt: Date): Promise<RecordOutcome | null> {
    const current = await this.find(userId, updateId);
    if (!current) return null;
    if (current.status === 'recorded')
      return {
        payment: current,
        rows: await this.transactions.findByUpdate(userId, updateId),
        recordedNow: false,
      };
    const rows = await this.transactions.recordMany(
      userId,
      current.items.map((i) => ({
        type: i.type,
        amountMinor: i.amountMinor,
        currency: i.currency,
        category: i.category,
        description: i.description,
        occurredAt,
      })),
      { kind: current.source, updateId, transcript: current.transcript ?? undefined },
    );
    const marked = await this.repo.transition(userId, updateId, CAN_RECORD, 'recorded');
    if (marked)
      this.logger.log(
        `Planned payment recorded: user_id=${userId}, update_id=${updateId}, recorded=${rows.length}`,
      );
    return { payment: marked ? toPayment(marked) : current, rows, recordedNow: marked !== null };
  }

  /** Scheduled reminders whose day is on or before `day` (the tick decides per user's zone which are due). */
  async scheduledUpTo(day: string): Promise<DuePlannedPayment[]> {
    return (await this.repo.scheduledUpTo(day)).map((r) => ({
      ...toPayment(r),
      chatId: r.chatId,
      language: r.language,
      timezone: r.timezone,
    }));
  }

  /** The reminder's claim (scheduled → sent): true for exactly one caller, across instances. */
  async claimReminder(userId: string, updateId: bigint): Promise<boolean> {
    return (await this.repo.transition(userId, updateId, ['scheduled'], 'sent')) !== null;
  }

  /** Gives the claim back after a send that failed for a passing reason, so a later tick tries again. */
  async releaseReminder(userId: string, updateId: bigint): Promise<void> {
    await this.repo.transition(userId, updateId, ['sent'], 'scheduled');
  }
}
