import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { TransactionType } from '../../transactions/transaction.entity';
import { ScopedUser, updateScopeOf } from './update-scope';

/** `records`: the message recorded transactions; `action`: it did something an edit must not repeat (goal, debt, undo). */
export type MessageLinkKind = 'records' | 'action';

/** One item slot of a message that recorded: its type and the category its text gave (before any 🏷 choice). */
export interface LinkedItem {
  type: TransactionType;
  category: string;
}

/** A user's message, as Telegram addresses it. */
export interface MessageKey {
  userId: string;
  chatId: bigint;
  messageId: bigint;
}

export interface MessageLink extends MessageKey {
  kind: MessageLinkKind;
  /** The update whose id the message's transactions carry (transactions.source_update_id). */
  updateId: bigint;
  items: LinkedItem[];
  replyMessageId: bigint | null;
  lastUpdateId: bigint;
}

interface LinkRow {
  user_id: string;
  chat_id: string;
  message_id: string;
  kind: MessageLinkKind;
  update_id: string;
  items: unknown;
  reply_message_id: string | null;
  last_update_id: string;
}

function isLinkedItem(value: unknown): value is LinkedItem {
  const v = value as Partial<LinkedItem> | null;
  return !!v && (v.type === 'income' || v.type === 'expense') && typeof v.category === 'string';
}

function toLink(r: LinkRow): MessageLink {
  return {
    userId: r.user_id,
    chatId: BigInt(r.chat_id),
    messageId: BigInt(r.message_id),
    kind: r.kind,
    updateId: BigInt(r.update_id),
    items: Array.isArray(r.items)
      ? r.items.filter(isLinkedItem).map(({ type, category }) => ({ type, category }))
      : [],
    replyMessageId: r.reply_message_id === null ? null : BigInt(r.reply_message_id),
    lastUpdateId: BigInt(r.last_update_id),
  };
}

const COLUMNS = `user_id, chat_id::text AS chat_id, message_id::text AS message_id, kind, update_id::text AS update_id, items,
  reply_message_id::text AS reply_message_id, last_update_id::text AS last_update_id`;
const WHERE_KEY = `user_id = $1 AND chat_id = $2 AND message_id = $3`;
const keyParams = (k: MessageKey) => [k.userId, k.chatId.toString(), k.messageId.toString()];

/** All SQL about message_links (see the migration MessageLinks1764401200000). Every statement is scoped by user id. */
@Injectable()
export class MessageLinksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The message's link, or null; inside a transaction (`em`) locked FOR UPDATE, so edits of one message queue. */
  async find(key: MessageKey, em?: EntityManager): Promise<MessageLink | null> {
    const rows: LinkRow[] = await (em ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM message_links WHERE ${WHERE_KEY}${em ? ' FOR UPDATE' : ''}`,
      keyParams(key),
    );
    return rows[0] ? toLink(rows[0]) : null;
  }

  /**
   * Writes what the message did, once its reply went out (`replyMessageId` null: the send failed). A message edited
   * into something new replaces its link; a late duplicate of an older update changes nothing. Inside an update the
   * write goes with the update's done-mark, in its statement (`user` is the object its claim read: update-scope.ts);
   * elsewhere at once.
   */
  async remember(user: ScopedUser, link: MessageLink): Promise<void> {
    const write = {
      sql: `INSERT INTO message_links AS l (user_id, chat_id, message_id, kind, update_id, items, reply_message_id, last_update_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (user_id, chat_id, message_id) DO UPDATE
         SET kind = EXCLUDED.kind, update_id = EXCLUDED.update_id, items = EXCLUDED.items, reply_message_id = EXCLUDED.reply_message_id,
             last_update_id = EXCLUDED.last_update_id, updated_at = now()
         WHERE l.last_update_id < EXCLUDED.last_update_id`,
      params: [
        ...keyParams(link),
        link.kind,
        link.updateId.toString(),
        JSON.stringify(link.items),
        link.replyMessageId?.toString() ?? null,
        link.lastUpdateId.toString(),
      ],
    };
    const scope = updateScopeOf(user);
    if (scope && !scope.atFinish) scope.atFinish = write;
    else await this.dataSource.query(write.sql, write.params);
  }

  /** After an edit was applied (in the transaction that changed the rows): the new item slots and the edit's update id. */
  async revised(
    em: EntityManager,
    key: MessageKey,
    items: LinkedItem[],
    lastUpdateId: bigint,
  ): Promise<void> {
    await em.query(
      `UPDATE message_links SET items = $4::jsonb, last_update_id = $5, updated_at = now() WHERE ${WHERE_KEY}`,
      [...keyParams(key), JSON.stringify(items), lastUpdateId.toString()],
    );
  }

  /** The bot's reply is now this message (the earlier one could not be edited). */
  async setReply(key: MessageKey, replyMessageId: bigint): Promise<void> {
    await this.dataSource.query(
      `UPDATE message_links SET reply_message_id = $4, updated_at = now() WHERE ${WHERE_KEY}`,
      [...keyParams(key), replyMessageId.toString()],
    );
  }
}
