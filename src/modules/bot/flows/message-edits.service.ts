import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Currency, MAX_AMOUNT_MINOR } from '../../../common/money';
import { CategoriesService } from '../../categories/categories.service';
import type { ParsedItem, ParseResult } from '../../nlu';
import { Transaction } from '../../transactions/transaction.entity';
import { RevisedTransaction, TransactionsService } from '../../transactions/transactions.service';
import { User } from '../../users/user.entity';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import { recordedKeyboard } from '../keyboards/bot.keyboards';
import { recordedText, tooLargeText } from '../texts/bot.texts';
import { actionDoneText, noLongerRecordText, undoneBeforeText } from '../texts/edits.texts';
import { reviseItems } from './item-diff';
import {
  LinkedItem,
  MessageKey,
  MessageLink,
  MessageLinksRepository,
} from '../infra/message-links.repository';
import { bareAmount, pendingAmount } from './pending-amount';
import { PhraseService } from './phrase.service';
import type { InlineReply } from '../replies';
import { categoryFor, itemView, newTransactions, pendingItemView } from './recording';

/** A user's message as the bot saw it: where it is and which update brought it. */
export interface MessageRef {
  chatId: number;
  /** Absent: nothing to follow (e.g. a voice note, which cannot be edited). */
  messageId?: number;
  updateId: number;
}

export interface EditInput {
  chatId: number;
  messageId: number;
  /** The new text (or caption). */
  text: string;
  updateId: number;
  /** When the message was first sent (message.date): "today" in the edited text is that day, as it was. */
  sentAt: Date;
  /** When it was edited (edit_date): an amount question the edit asks is asked now. */
  editedAt: Date;
}

/** The answer to an edit: the text, edited into the bot's earlier reply when there is one, else sent anew. */
export interface EditAnswer extends InlineReply {
  /** The bot's reply to edit in place; absent (or the edit is refused): a new reply to the edited message. */
  editMessageId?: number;
}

export type EditOutcome =
  /** The message did nothing an edit can follow: read it as a new message. */
  | { kind: 'read_as_new' }
  | { kind: 'answer'; answer: EditAnswer }
  /** An edit older than one already applied (delivered late): nothing to do or say. */
  | { kind: 'stale' };

type Revision =
  | { kind: 'stale' }
  | { kind: 'read_as_new' }
  | { kind: 'action' }
  | { kind: 'undone' }
  | { kind: 'too_large' }
  | {
      kind: 'revised';
      link: MessageLink;
      rows: Transaction[];
      removed: Transaction[];
      missing: ParsedItem[];
    };

/** A message whose records an earlier edit removed recorded nothing now: its next edit is a new message. */
const isReadAsNew = (link: MessageLink): boolean => link.kind === 'records' && !link.items.length;

const keyOf = (userId: string, chatId: number, messageId: number): MessageKey => ({
  userId,
  chatId: BigInt(chatId),
  messageId: BigInt(messageId),
});

/**
 * Edited messages (docs/message-edits.md). A message that recorded transactions or did something else
 * is linked to what it did (message_links) once the reply is out; an edit of it brings its transactions in line with
 * the new text — in one database transaction, rows keeping their ids — and the bot's reply is edited to match. An
 * edit after the records were undone records nothing; an edit of a goal, debt or undo message changes nothing; any
 * other message is read as new.
 */
@Injectable()
export class MessageEditsService {
  private readonly logger = new Logger(MessageEditsService.name);

  constructor(
    private readonly links: MessageLinksRepository,
    private readonly transactions: TransactionsService,
    private readonly phrases: PhraseService,
    private readonly categories: CategoriesService,
    private readonly sessions: BotSessionsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** The reply to a message; when the message did something, `sent` links it to its reply for its later edits. */
  followed(user: User, message: MessageRef, reply: InlineReply): InlineReply {
    const { text, markup, effect, followUp } = reply;
    if (!effect || message.messageId === undefined) return { text, markup, followUp };
    const key = keyOf(user.id, message.chatId, message.messageId);
    const updateId = BigInt(message.updateId);
    const items: LinkedItem[] =
      effect.kind === 'records' ? effect.rows.map((r) => ({ type: r.type, category: r.category })) : [];
    const kind = effect.kind;
    return {
      text,
      markup,
      followUp,
      sent: (replyMessageId) =>
        this.links.remember(user, {
          ...key,
          kind,
          updateId,
          items,
          replyMessageId: replyMessageId === null ? null : BigInt(replyMessageId),
          lastUpdateId: updateId,
        }),
    };
  }

  /** An edit of one of the user's messages: what to answer, or that it is to be read as a new message. */
  async onEdit(user: User, input: EditInput): Promise<EditOutcome> {
    const key = keyOf(user.id, input.chatId, input.messageId);
    // Most edited messages recorded nothing: one read decides that without a transaction.
    const link = await this.links.find(key);
    if (!link || isReadAsNew(link)) return { kind: 'read_as_new' };
    return this.revise(user, key, input);
  }

  // -------------------------------------------------------------------------------------------------------------

  private async revise(user: User, key: MessageKey, input: EditInput): Promise<EditOutcome> {
    const updateId = BigInt(input.updateId);
    const read = this.phrases.parse(user, input.text, input.sentAt, user.currency);
    // categories as new messages get them (the parser's, then the words the user taught), read before locking
    const parsed = { ...read, items: await this.phrases.categorize(user, read.items) };
    const revision = await this.dataSource.transaction(async (em): Promise<Revision> => {
      // The link is locked first: edits of one message, and an edit racing the ↩️ button (which locks the rows), queue.
      const link = await this.links.find(key, em);
      if (!link || isReadAsNew(link)) return { kind: 'read_as_new' };
      if (link.lastUpdateId >= updateId) return { kind: 'stale' };
      if (link.kind === 'action') return { kind: 'action' };
      const rows = await this.transactions.lockUpdate(em, user.id, link.updateId);
      if (rows.length < link.items.length) return { kind: 'undone' };
      const next = this.nextReading(user, input, parsed, rows, link.items);
      if (!next) return { kind: 'too_large' };
      const { rows: after, removed } = await this.transactions.reviseUpdate(
        em,
        user.id,
        link.updateId,
        next.items,
        { kind: 'text' },
      );
      await this.links.revised(em, key, next.textItems, updateId);
      return { kind: 'revised', link, rows: after, removed, missing: next.missing };
    });
    switch (revision.kind) {
      case 'read_as_new':
        return { kind: 'read_as_new' };
      case 'stale':
        return this.stale(user, input);
      case 'action':
        return { kind: 'answer', answer: { text: actionDoneText(user.language) } };
      case 'undone':
        this.logger.log(
          `Edit after an undo, nothing recorded: update_id=${input.updateId}, user_id=${user.id}`,
        );
        return { kind: 'answer', answer: { text: undoneBeforeText(user.language) } };
      case 'too_large':
        return { kind: 'answer', answer: { text: tooLargeText(user.language) } };
      case 'revised':
        return { kind: 'answer', answer: await this.revisedAnswer(user, key, input, revision) };
    }
  }

  /**
   * The message's items as its new text gives them, paired with its rows; null when an amount is out of range.
   * Items without an amount are left out (`missing`: the bot asks for them). A one-row message edited into a bare
   * amount ("25000") changes only its amount and currency: the number says nothing about the rest.
   */
  private nextReading(
    user: User,
    input: EditInput,
    parsed: ParseResult,
    rows: Transaction[],
    textItems: LinkedItem[],
  ): { items: RevisedTransaction[]; textItems: LinkedItem[]; missing: ParsedItem[] } | null {
    if (parsed.intent !== 'transaction') return { items: [], textItems: [], missing: [] };
    if (rows.length === 1) {
      const bare = bareAmount(
        this.phrases.parse(user, input.text, input.sentAt, rows[0].currency as Currency),
      );
      if (bare) {
        if (bare.amountMinor > MAX_AMOUNT_MINOR) return null;
        const [row] = rows;
        const same = {
          type: row.type,
          category: row.category,
          description: row.description,
          occurredAt: row.occurredAt,
        };
        return {
          items: [{ ...same, id: row.id, amountMinor: bare.amountMinor, currency: bare.currency }],
          textItems,
          missing: [],
        };
      }
    }
    const complete = parsed.items.filter(
      (i): i is ParsedItem & { amountMinor: bigint } => i.amountMinor !== null,
    );
    if (complete.some((i) => i.amountMinor > MAX_AMOUNT_MINOR || i.amountMinor < 1n)) return null;
    const next = newTransactions(complete, input.sentAt, user.timezone);
    const recorded = rows.map((r, k) => ({
      id: r.id,
      type: r.type,
      category: r.category,
      description: r.description,
      textCategory: textItems[k]?.category ?? r.category,
    }));
    return {
      items: reviseItems(recorded, next),
      textItems: next.map((n) => ({ type: n.type, category: n.category })),
      missing: parsed.items.filter((i) => i.amountMinor === null),
    };
  }

  /** The recorded reply as the edited text makes it (same buttons), or what was removed; the amount question when asked. */
  private async revisedAnswer(
    user: User,
    key: MessageKey,
    input: EditInput,
    r: Extract<Revision, { kind: 'revised' }>,
  ): Promise<EditAnswer> {
    const pending = r.missing.length ? pendingAmount(r.missing, input.editedAt) : null;
    if (pending) await this.sessions.setState(user, pending);
    const shown = r.rows.length ? r.rows : r.removed;
    const keys = [...shown.map((t) => t.category), ...(pending ? [categoryFor(pending.items[0])] : [])];
    const name = await this.categories.nameResolver(user.id, user.language, keys);
    const question = pending
      ? pendingItemView(pending.items[0], name, user.timezone, input.sentAt)
      : undefined;
    const views = shown.map((t) => itemView(t, name));
    this.logger.log(
      `Message edited: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, records=${r.rows.length}, removed=${r.removed.length}`,
    );
    const text = r.rows.length
      ? recordedText(user.language, views, user.timezone, question)
      : noLongerRecordText(user.language, views, user.timezone, question);
    return {
      text,
      markup: r.rows.length ? recordedKeyboard(user.language, r.link.updateId) : undefined,
      editMessageId: r.link.replyMessageId === null ? undefined : Number(r.link.replyMessageId),
      sent: async (replyMessageId) => {
        if (replyMessageId !== null) await this.links.setReply(key, BigInt(replyMessageId));
      },
    };
  }

  private stale(user: User, input: EditInput): EditOutcome {
    this.logger.log(`Stale edit skipped: update_id=${input.updateId}, user_id=${user.id}`);
    return { kind: 'stale' };
  }
}
