import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FALLBACK_CATEGORY, isDefaultCategory } from '../categories/category-keys';
import type { CardNotification } from '../nlu/card-notification';
import { merchantCategory } from '../nlu/merchants';
import {
  CardNotificationsRepository,
  TransferQuestion,
  UserCardSource,
} from './card-notifications.repository';
import { Transaction, TransactionType } from './transaction.entity';
import { TransactionsRepository } from './transactions.repository';
import { DESCRIPTION_MAX } from './transactions.rules';

/** Where the notification came from: the Telegram update that carried it and when it was sent. */
export interface CardSource {
  updateId: bigint;
  sentAt: Date;
  /** The category the caller read for it (a default key of the row's type); else the merchant's, else `other`. */
  category?: string;
}

/** What a forwarded notification did. */
export type CardRecordOutcome =
  | { kind: 'recorded'; row: Transaction }
  /** The same notification was recorded before (another forward): nothing new. */
  | { kind: 'duplicate'; row: Transaction }
  /** A transfer receipt between two cards neither of which is known as the user's: nothing recorded yet. */
  | { kind: 'ask'; question: TransferQuestion }
  /** Both cards are the user's: money moved between their own cards, nothing recorded. */
  | { kind: 'own_transfer'; fromCard: string; toCard: string; amountMinor: bigint; currency: string }
  /** A reversal deleted the matching earlier record. */
  | { kind: 'reversed'; row: Transaction }
  /** A reversal with nothing to cancel. */
  | { kind: 'no_match' };

export type CardAnswerOutcome =
  | { kind: 'recorded'; row: Transaction; card: string }
  | { kind: 'duplicate'; row: Transaction }
  | { kind: 'gone' };

interface Side {
  type: TransactionType;
  /** The user's card on this side, if shown. */
  card: string | null;
  counterparty: string;
}

/**
 * Forwarded bank and card notifications (docs/card-notifications.md): one transaction per notification dated by the
 * notification itself, once however often it is forwarded (transactions.external_ref), reversals that delete the
 * matching record, and transfer receipts resolved through the user's known cards (user_cards) or one question.
 * Plain values in; the bot turns the outcomes into replies.
 */
@Injectable()
export class CardNotificationsService {
  private readonly logger = new Logger(CardNotificationsService.name);

  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly cards: CardNotificationsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** Records (or reverses, or asks about) one notification the user forwarded. */
  async record(userId: string, reading: CardNotification, source: CardSource): Promise<CardRecordOutcome> {
    if (reading.reversal) return this.reverse(userId, reading);
    const occurredAt = reading.occurredAt ?? source.sentAt;
    const mine = await this.cards.cards(userId);
    let side: Side;
    let remember: UserCardSource | null = null;
    if (
      reading.transfer !== null &&
      !reading.sideShown &&
      reading.card !== null &&
      reading.otherCard !== null
    ) {
      // A receipt between two cards: the user's known cards tell the side, else the user's own words forwarded with
      // it (already in `direction`), else one question.
      const [sender, receiver] =
        reading.direction === 'income'
          ? [reading.otherCard, reading.card]
          : [reading.card, reading.otherCard];
      const names = reading.transfer;
      const named = (type: TransactionType) =>
        (type === 'income' ? names.senderName : names.receiverName) ||
        (type === reading.direction ? reading.merchant : '');
      if (mine.has(sender) && mine.has(receiver)) return this.ownTransfer(sender, receiver, reading);
      if (mine.has(sender)) side = { type: 'expense', card: sender, counterparty: named('expense') };
      else if (mine.has(receiver)) side = { type: 'income', card: receiver, counterparty: named('income') };
      else if (reading.direction !== 'unknown') {
        side = { type: reading.direction, card: reading.card, counterparty: reading.merchant };
        // the user said which side they are on: like an answer to the question
        remember = 'answer';
      } else {
        const question: TransferQuestion = {
          updateId: source.updateId,
          senderCard: sender,
          receiverCard: receiver,
          senderName: names.senderName,
          receiverName: names.receiverName,
          amountMinor: reading.amountMinor,
          currency: reading.currency,
          occurredAt,
          externalRef: reading.fingerprint,
        };
        await this.cards.saveQuestion(userId, question);
        return { kind: 'ask', question };
      }
    } else {
      const type: TransactionType = reading.direction === 'income' ? 'income' : 'expense';
      if (
        reading.card !== null &&
        reading.otherCard !== null &&
        mine.has(reading.card) &&
        mine.has(reading.otherCard)
      ) {
        return type === 'expense'
          ? this.ownTransfer(reading.card, reading.otherCard, reading)
          : this.ownTransfer(reading.otherCard, reading.card, reading);
      }
      side = { type, card: reading.card, counterparty: reading.merchant };
      // A bank tells a card's owner about it: the notification's card is the user's.
      if (reading.card !== null && !mine.has(reading.card)) remember = 'notification';
    }
    const row = this.row(userId, side, {
      amountMinor: reading.amountMinor,
      currency: reading.currency,
      occurredAt,
      externalRef: reading.fingerprint,
      updateId: source.updateId,
      category: source.category,
    });
    return this.dataSource.transaction(async (em) => {
      if (remember !== null && side.card !== null)
        await this.cards.rememberCard(em, userId, side.card, remember);
      return this.insert(em, row);
    });
  }

  /** "My card is ***4410" under a transfer receipt's question: records it on that side and remembers the card. */
  async answer(userId: string, updateId: bigint, card: string): Promise<CardAnswerOutcome> {
    const outcome = await this.dataSource.transaction(async (em): Promise<CardAnswerOutcome> => {
      const q = await this.cards.takeQuestion(em, userId, updateId);
      if (q === null) return { kind: 'gone' };
      if (card !== q.senderCard && card !== q.receiverCard) return { kind: 'gone' };
      const side: Side =
        card === q.senderCard
          ? { type: 'expense', card, counterparty: q.receiverName }
          : { type: 'income', card, counterparty: q.senderName };
      const row = this.row(userId, side, {
        amountMinor: q.amountMinor,
        currency: q.currency,
        occurredAt: q.occurredAt,
        externalRef: q.externalRef,
        updateId,
      });
      await this.cards.rememberCard(em, userId, card, 'answer');
      await this.cards.deleteQuestion(em, userId, updateId);
      const done = await this.insert(em, row);
      return done.kind === 'recorded'
        ? { kind: 'recorded', row: done.row, card }
        : { kind: 'duplicate', row: done.row };
    });
    if (outcome.kind !== 'gone') return outcome;
    // Answered before (a second press): the receipt's row, if it is still there.
    const [earlier] = await this.transactions.findByUpdate(userId, updateId);
    return earlier ? { kind: 'duplicate', row: earlier } : outcome;
  }

  // -------------------------------------------------------------------------------------------------------------

  private ownTransfer(fromCard: string, toCard: string, reading: CardNotification): CardRecordOutcome {
    return {
      kind: 'own_transfer',
      fromCard,
      toCard,
      amountMinor: reading.amountMinor,
      currency: reading.currency,
    };
  }

  private row(
    userId: string,
    side: Side,
    v: {
      amountMinor: bigint;
      currency: string;
      occurredAt: Date;
      externalRef: string;
      updateId: bigint;
      category?: string;
    },
  ): Partial<Transaction> {
    const counterparty = side.counterparty.trim().slice(0, DESCRIPTION_MAX);
    const own = merchantCategory(counterparty, side.type);
    const category =
      v.category !== undefined && isDefaultCategory(side.type, v.category)
        ? v.category
        : (own ?? FALLBACK_CATEGORY);
    return {
      userId,
      type: side.type,
      amount: v.amountMinor,
      currency: v.currency,
      category,
      description: counterparty,
      occurredAt: v.occurredAt,
      source: 'text',
      sourceUpdateId: v.updateId,
      sourceItem: 0,
      externalRef: v.externalRef,
      cardLast4: side.card,
    };
  }

  /**
   * INSERT … ON CONFLICT DO NOTHING: a notification recorded before (its fingerprint) is a duplicate — unless it was
   * recorded by this very update (a redelivery), which is the same outcome as the first time.
   */
  private async insert(
    em: EntityManager,
    row: Partial<Transaction>,
  ): Promise<{ kind: 'recorded' | 'duplicate'; row: Transaction }> {
    const inserted = await this.transactions.insertUnlessExists(em, row);
    if (inserted) {
      this.logger.log(
        `Записано из уведомления карты: user_id=${row.userId}, update_id=${row.sourceUpdateId}, transaction_id=${inserted.id}`,
      );
      return { kind: 'recorded', row: inserted };
    }
    const existing = await this.transactions.findByExternalRef(row.userId!, row.externalRef!, em);
    if (existing)
      return {
        kind: existing.sourceUpdateId === row.sourceUpdateId ? 'recorded' : 'duplicate',
        row: existing,
      };
    // Otherwise the conflict was this update's own row (a redelivered update).
    const [byUpdate] = await this.transactions.findByUpdate(row.userId!, row.sourceUpdateId!, em);
    if (!byUpdate)
      throw new Error(`Card notification row neither inserted nor found: update_id=${row.sourceUpdateId}`);
    return { kind: 'recorded', row: byUpdate };
  }

  private reverse(userId: string, reading: CardNotification): Promise<CardRecordOutcome> {
    return this.dataSource.transaction(async (em): Promise<CardRecordOutcome> => {
      const match = await this.transactions.findReversalMatch(em, userId, {
        amountMinor: reading.amountMinor,
        currency: reading.currency,
        card: reading.card,
        merchant: reading.merchant,
        before: reading.occurredAt,
      });
      if (!match) return { kind: 'no_match' };
      await this.transactions.deleteOwned(userId, match.id, em);
      this.logger.log(`Отмена операции по уведомлению: user_id=${userId}, transaction_id=${match.id}`);
      return { kind: 'reversed', row: match };
    });
  }
}
