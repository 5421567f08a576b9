import { Injectable, Logger } from '@nestjs/common';
import { CategoriesService } from '../../categories/categories.service';
import type { CardNotification } from '../../nlu/card-notification';
import { CardNotificationsService } from '../../transactions/card-notifications.service';
import { Transaction } from '../../transactions/transaction.entity';
import { User } from '../../users/user.entity';
import { recordedKeyboard } from '../keyboards/bot.keyboards';
import {
  askCardText,
  cardItemText,
  cardRememberedText,
  CardReplyKind,
  cardSideKeyboard,
  ownTransferText,
  questionGoneText,
  reversalNoMatchText,
} from '../texts/card-notifications.texts';
import type { CallbackReply, InlineReply } from '../replies';

/** A message the phrase parser read as a forwarded card notification. */
export interface CardMessage {
  updateId: number;
  chatId: number;
  sentAt: Date;
  reading: CardNotification;
  /** The category the parser gave it (from the merchant). */
  category?: string;
}

/**
 * Forwarded card notifications in the chat (docs/card-notifications.md): the outcome of CardNotificationsService
 * as a reply — recorded (with the notification's own date and time, ↩️ Undo and 🏷 Category), already recorded,
 * reversed, or the "which card is yours?" question and its answer.
 */
@Injectable()
export class CardNotificationsBot {
  private readonly logger = new Logger(CardNotificationsBot.name);

  constructor(
    private readonly cards: CardNotificationsService,
    private readonly categories: CategoriesService,
  ) {}

  async onNotification(user: User, message: CardMessage): Promise<InlineReply> {
    const updateId = BigInt(message.updateId);
    const outcome = await this.cards.record(user.id, message.reading, {
      updateId,
      sentAt: message.sentAt,
      category: message.category,
    });
    this.logger.log(
      `Card notification: update_id=${message.updateId}, chat_id=${message.chatId}, user_id=${user.id}, outcome=${outcome.kind}`,
    );
    switch (outcome.kind) {
      case 'recorded':
        return {
          text: await this.rowText(user, 'recorded', outcome.row),
          markup: recordedKeyboard(user.language, outcome.row.sourceUpdateId ?? updateId),
        };
      case 'duplicate':
      case 'reversed':
        return { text: await this.rowText(user, outcome.kind, outcome.row) };
      case 'no_match':
        return { text: reversalNoMatchText(user.language) };
      case 'own_transfer':
        return {
          text: ownTransferText(
            user.language,
            outcome.fromCard,
            outcome.toCard,
            outcome.amountMinor,
            outcome.currency,
          ),
        };
      case 'ask': {
        const q = outcome.question;
        return {
          text: askCardText(user.language, q, user.timezone),
          markup: cardSideKeyboard(user.language, q.updateId, q.senderCard, q.receiverCard),
        };
      }
    }
  }

  /** "My card is ***4410": the question's message becomes the recorded reply. */
  async onAnswer(user: User, updateId: bigint, card: string): Promise<CallbackReply> {
    const outcome = await this.cards.answer(user.id, updateId, card);
    switch (outcome.kind) {
      case 'recorded':
        return {
          answer: { text: cardRememberedText(user.language, outcome.card) },
          edit: {
            text: await this.rowText(user, 'recorded', outcome.row),
            markup: recordedKeyboard(user.language, updateId),
          },
        };
      case 'duplicate':
        return { answer: { text: '' }, edit: { text: await this.rowText(user, 'duplicate', outcome.row) } };
      case 'gone':
        return { answer: { text: questionGoneText(user.language), alert: true }, edit: {} };
    }
  }

  private async rowText(user: User, kind: CardReplyKind, row: Transaction): Promise<string> {
    const name = await this.categories.nameResolver(user.id, user.language, [row.category]);
    return cardItemText(
      user.language,
      kind,
      {
        type: row.type,
        amountMinor: row.amount,
        currency: row.currency,
        categoryName: name(row.category),
        description: row.description,
        occurredAt: row.occurredAt,
        card: row.cardLast4,
      },
      user.timezone,
    );
  }
}
