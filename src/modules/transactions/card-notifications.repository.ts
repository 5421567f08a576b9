import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseDbDecimal, toDecimalString } from '../../common/money';

export type UserCardSource = 'notification' | 'answer';

/** A transfer receipt waiting for "which card is yours?" (docs/card-notifications.md). */
export interface TransferQuestion {
  updateId: bigint;
  senderCard: string;
  receiverCard: string;
  senderName: string;
  receiverName: string;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
  externalRef: string;
}

interface QuestionRow {
  update_id: string;
  sender_card: string;
  receiver_card: string;
  sender_name: string;
  receiver_name: string;
  amount: string;
  currency: string;
  occurred_at: Date;
  external_ref: string;
}

/** All SQL about the user's card masks (user_cards) and the open transfer questions (card_transfer_questions). */
@Injectable()
export class CardNotificationsRepository {
  constructor(private readonly db: DataSource) {}

  /** The last four digits of the user's known cards. */
  async cards(userId: string, em?: EntityManager): Promise<Set<string>> {
    const rows: Array<{ last4: string }> = await (em ?? this.db).query(
      `SELECT last4 FROM user_cards WHERE user_id = $1`,
      [userId],
    );
    return new Set(rows.map((r) => r.last4));
  }

  /** Remembers a card as the user's (a card already known keeps its first source). */
  async rememberCard(
    em: EntityManager,
    userId: string,
    last4: string,
    source: UserCardSource,
  ): Promise<void> {
    await em.query(
      `INSERT INTO user_cards (user_id, last4, source) VALUES ($1, $2, $3) ON CONFLICT (user_id, last4) DO NOTHING`,
      [userId, last4, source],
    );
  }

  /** Keeps the question about the receipt of update `q.updateId` (a redelivered update keeps the first one). */
  async saveQuestion(userId: string, q: TransferQuestion): Promise<void> {
    await this.db.query(
      `INSERT INTO card_transfer_questions
         (user_id, update_id, sender_card, receiver_card, sender_name, receiver_name, amount, currency, occurred_at, external_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (user_id, update_id) DO NOTHING`,
      [
        userId,
        q.updateId.toString(),
        q.senderCard,
        q.receiverCard,
        q.senderName,
        q.receiverName,
        toDecimalString(q.amountMinor),
        q.currency,
        q.occurredAt,
        q.externalRef,
      ],
    );
  }

  /** The open question about the receipt of this update, locked FOR UPDATE until the caller's transaction ends. */
  async takeQuestion(em: EntityManager, userId: string, updateId: bigint): Promise<TransferQuestion | null> {
    const rows: QuestionRow[] = await em.query(
      `SELECT update_id::text AS update_id, sender_card, receiver_card, sender_name, receiver_name, amount::text AS amount, currency, occurred_at, external_ref
       FROM card_transfer_questions WHERE user_id = $1 AND update_id = $2 FOR UPDATE`,
      [userId, updateId.toString()],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      updateId: BigInt(r.update_id),
      senderCard: r.sender_card,
      receiverCard: r.receiver_card,
      senderName: r.sender_name,
      receiverName: r.receiver_name,
      amountMinor: parseDbDecimal(r.amount),
      currency: r.currency,
      occurredAt: r.occurred_at,
      externalRef: r.external_ref,
    };
  }

  async deleteQuestion(em: EntityManager, userId: string, updateId: bigint): Promise<void> {
    await em.query(`DELETE FROM card_transfer_questions WHERE user_id = $1 AND update_id = $2`, [
      userId,
      updateId.toString(),
    ]);
  }
}
