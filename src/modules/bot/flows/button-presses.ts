import { Injectable, Logger } from '@nestjs/common';
import { CategoriesService, correctionKeyword } from '../../categories/categories.service';
import { learnedTexts } from '../../categories/learned.texts';
import { TransactionsService } from '../../transactions/transactions.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { categoryKeyboard, itemChooserKeyboard, recordedKeyboard } from '../keyboards/bot.keyboards';
import { CallbackAction, decodeCallback } from '../keyboards/callback-data';
import type { CallbackInput, CallbackReply } from '../replies';
import {
  callbackTexts,
  currencySetText,
  languageSetText,
  recordedText,
  undoneText,
} from '../texts/bot.texts';
import { AsidesBot } from './asides/asides.bot';
import { CardNotificationsBot } from './card-notifications.bot';
import { itemView } from './recording';
import type { Transaction } from '../../transactions/transaction.entity';
import type { Wallet } from '../../transactions/wallet';
import { walletTexts, withWalletLine } from '../texts/wallet.texts';

/**
 * A press on one of the bot's own inline buttons (keyboards/callback-data.ts; the goal/debt, learned-word and report
 * buttons have their own handlers): ↩️ Undo, 🏷 Category and ⬅️ Back under a recorded reply, the language and currency
 * choosers; the card-notification and asides buttons go on to their flows.
 */
@Injectable()
export class ButtonPresses {
  private readonly logger = new Logger(ButtonPresses.name);

  constructor(
    private readonly transactions: TransactionsService,
    private readonly categories: CategoriesService,
    private readonly users: UsersService,
    private readonly cards: CardNotificationsBot,
    private readonly asides: AsidesBot,
  ) {}

  async onPress(user: User, input: CallbackInput): Promise<CallbackReply> {
    const action = decodeCallback(input.data);
    const t = callbackTexts(user.language);
    if (!action) return { answer: { text: t.notAvailable, alert: true } };
    const reply = await this.press(user, action);
    this.logger.log(
      `Button: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, action=${action.kind}`,
    );
    return reply;
  }

  private async press(user: User, action: CallbackAction): Promise<CallbackReply> {
    const t = callbackTexts(user.language);
    switch (action.kind) {
      case 'undo': {
        const removed = await this.transactions.undoUpdate(user.id, action.updateId);
        if (!removed.length) return { answer: { text: t.alreadyUndone, alert: true } };
        this.logger.log(
          `Records undone: update_id=${action.updateId}, user_id=${user.id}, removed=${removed.length}`,
        );
        const name = await this.categories.nameResolver(user.id, user.language);
        return {
          answer: { text: t.undone },
          edit: {
            text: undoneText(
              user.language,
              removed.map((r) => itemView(r, name)),
              user.timezone,
            ),
          },
        };
      }
      case 'category': {
        const rows = await this.transactions.findByUpdate(user.id, action.updateId);
        if (!rows.length) return { answer: { text: t.alreadyUndone, alert: true } };
        if (action.item === undefined && rows.length > 1) {
          const name = await this.categories.nameResolver(user.id, user.language);
          const items = rows.map((r) => ({
            item: r.sourceItem,
            label: r.description.trim() || name(r.category),
          }));
          return {
            answer: { text: t.chooseItem },
            edit: { markup: itemChooserKeyboard(user.language, action.updateId, items) },
          };
        }
        const row = action.item === undefined ? rows[0] : rows.find((r) => r.sourceItem === action.item);
        if (!row) return { answer: { text: t.alreadyUndone, alert: true } };
        const list = await this.categories.list(user.id, row.type);
        const markup = categoryKeyboard(user.language, action.updateId, row.sourceItem, list, row.category);
        return { answer: { text: t.chooseCategory }, edit: { markup } };
      }
      case 'set_category': {
        const rows = await this.transactions.findByUpdate(user.id, action.updateId);
        const row = rows.find((r) => r.sourceItem === action.item);
        if (!row) return { answer: { text: t.alreadyUndone, alert: true } };
        if (!(await this.categories.isAllowed(user.id, row.type, action.category)))
          return { answer: { text: t.notAvailable, alert: true } };
        const updated = await this.transactions.setCategory(user.id, row.id, action.category);
        const name = await this.categories.nameResolver(user.id, user.language);
        const views = rows.map((r) => itemView(r.id === updated.id ? updated : r, name));
        const learned = correctionKeyword(row, updated);
        const toast = t.categorySet(name(updated.category));
        const wallet = await this.transactions.movableWallet(user.id, rows);
        return {
          answer: { text: learned ? `${toast}\n${learnedTexts(user.language).learned(learned)}` : toast },
          edit: {
            text: withWalletLine(user.language, recordedText(user.language, views, user.timezone), wallet),
            markup: recordedKeyboard(user.language, action.updateId, wallet),
          },
        };
      }
      case 'back': {
        const rows = await this.transactions.findByUpdate(user.id, action.updateId);
        if (!rows.length) return { answer: { text: t.alreadyUndone, alert: true } };
        const wallet = await this.transactions.movableWallet(user.id, rows);
        return {
          answer: { text: '' },
          edit: { markup: recordedKeyboard(user.language, action.updateId, wallet) },
        };
      }
      case 'move_wallet':
        return this.moveWallet(user, action.updateId, action.wallet);
      case 'language': {
        const updated = await this.users.setLanguage(user.id, action.language);
        const text = languageSetText(updated.language);
        return { answer: { text }, edit: { text } };
      }
      case 'currency': {
        const updated = await this.users.setCurrency(user.id, action.currency);
        const text = currencySetText(updated.language, updated.currency);
        return { answer: { text }, edit: { text } };
      }
      case 'card_side':
        return this.cards.onAnswer(user, action.updateId, action.card);
      case 'pick_currency':
      case 'planned':
      case 'goal_offer':
        return this.asides.onCallback(user, action);
    }
  }

  /**
   * The record reply's wallet button: every row of the update moves to `wallet` (docs/households.md). Someone who
   * left the household, or rows already there, get a short answer and nothing changes.
   */
  private async moveWallet(user: User, updateId: bigint, wallet: Wallet): Promise<CallbackReply> {
    const t = callbackTexts(user.language);
    const rows = await this.transactions.findByUpdate(user.id, updateId);
    if (!rows.length) return { answer: { text: t.alreadyUndone, alert: true } };
    if ((await this.transactions.movableWallet(user.id, rows)) === undefined)
      return { answer: { text: t.notAvailable, alert: true } };
    const moved: Transaction[] = [];
    for (const row of rows) moved.push(await this.transactions.moveToWallet(user.id, row.id, wallet));
    this.logger.log(`Records moved: update_id=${updateId}, user_id=${user.id}, wallet=${wallet}`);
    const name = await this.categories.nameResolver(user.id, user.language);
    const w = walletTexts(user.language);
    return {
      answer: { text: w.moved(wallet) },
      edit: {
        text: withWalletLine(
          user.language,
          recordedText(
            user.language,
            moved.map((r) => itemView(r, name)),
            user.timezone,
          ),
          wallet,
        ),
        markup: recordedKeyboard(user.language, updateId, wallet),
      },
    };
  }
}
