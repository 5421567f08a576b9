import { Injectable, Logger } from '@nestjs/common';
import { MAX_AMOUNT_MINOR } from '../../../common/money';
import { AppConfig, Language } from '../../../config/app-config';
import { CategoriesService } from '../../categories/categories.service';
import { Household } from '../../households/household.entity';
import { HouseholdsService } from '../../households/households.service';
import { parsePhrase, ParsedItem, ParseResult } from '../../nlu';
import { TransactionsService } from '../../transactions/transactions.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { groupLinkKeyboard } from '../keyboards/group.keyboards';
import type { CallbackReply, Reply } from '../replies';
import { languageFromCode } from '../texts/bot.texts';
import { groupBalanceText, groupRecordedText, groupTexts } from '../texts/group.texts';
import { BotIdentity, GroupText, readGroupText } from './group-address';
import { categoryFor, newTransactions } from './recording';

/** Who wrote or pressed in a group, as plain values from the update. */
export interface GroupPerson {
  /** Telegram user id: the chat id of their private chat with the bot, so their user is found by it. */
  id: number;
  firstName?: string;
  languageCode?: string;
}

/** A text message in a group. */
export interface GroupMessageInput extends GroupText {
  chatId: number;
  from: GroupPerson;
  updateId: number;
  sentAt: Date;
}

/** The statuses in which the bot is in a chat, and those in which it is not. */
const PRESENT = ['member', 'administrator', 'creator', 'restricted'];
const GONE = ['left', 'kicked'];

/**
 * The bot in a Telegram group (docs/households.md, "Group chats"): added → the link button; the owner of a household
 * links the group; members' messages there are recorded to the household under their own name; everybody else gets
 * one polite reply per group and is never recorded. Replies name only the household's money. Plain values in, texts
 * from texts/group.texts.ts out; no Telegraf context in here.
 */
@Injectable()
export class GroupsBot {
  private readonly logger = new Logger(GroupsBot.name);

  constructor(
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionsService,
    private readonly categories: CategoriesService,
    private readonly config: AppConfig,
  ) {}

  /**
   * my_chat_member in a group: added (from outside the group) → the link button, in the adder's language; removed →
   * the link goes. Null: nothing to say.
   */
  async membership(
    chatId: number,
    from: GroupPerson,
    oldStatus: string,
    newStatus: string,
  ): Promise<Reply | null> {
    if (GONE.includes(newStatus)) {
      await this.households.unlinkChat(BigInt(chatId));
      this.logger.log(`Bot removed from a group: chat_id=${chatId}`);
      return null;
    }
    if (!PRESENT.includes(newStatus) || !GONE.includes(oldStatus)) return null;
    this.logger.log(`Bot added to a group: chat_id=${chatId}`);
    const lang = await this.languageOf(from);
    return { text: groupTexts(lang).added, markup: groupLinkKeyboard(lang) };
  }

  /** "Link to my family": only the owner of a household links; a group of another household is refused. */
  async onLinkPress(chatId: number, from: GroupPerson): Promise<CallbackReply> {
    const user = await this.users.findByChatId(BigInt(from.id));
    const lang = user?.language ?? this.fallbackLanguage(from);
    const t = groupTexts(lang);
    if (!user) return { answer: { text: t.notOwner, alert: true } };
    const outcome = await this.households.linkChat(user.id, BigInt(chatId));
    switch (outcome.kind) {
      case 'not_owner':
        return { answer: { text: t.notOwner, alert: true } };
      case 'taken':
        return { answer: { text: t.taken, alert: true } };
      case 'linked': {
        const text = t.linked(outcome.household.name);
        return { answer: { text: '✅' }, edit: { text } };
      }
    }
  }

  /** A text message in a group; null: stay silent. */
  async onText(input: GroupMessageInput, bot: BotIdentity): Promise<Reply | null> {
    const reading = readGroupText(input, bot);
    if (!reading) return null;
    const addressed = reading.kind === 'command' || reading.addressed;
    const household = await this.households.householdOfChat(BigInt(input.chatId));
    const user = await this.users.findByChatId(BigInt(input.from.id));
    const lang = user?.language ?? this.fallbackLanguage(input.from);
    if (!household) {
      if (!addressed) return null;
      return { text: groupTexts(lang).notLinked, markup: groupLinkKeyboard(lang) };
    }
    const member = user !== null && (await this.isMember(user, household));

    if (reading.kind === 'command') {
      if (!member) return this.notMember(input, household, lang);
      return this.command(reading.command, reading.explicit, household, user);
    }
    const parsed = this.parse(reading.text, input.sentAt, household, member ? user : null);
    const items = recordable(parsed);
    if (!member) return addressed || items.length ? this.notMember(input, household, lang) : null;
    if (items.length) return this.record(input, household, user, items);
    if (!addressed) return null;
    if (parsed.intent === 'balance_query') return this.balance(household, user.language);
    return { text: groupTexts(user.language).notUnderstood };
  }

  // -------------------------------------------------------------------------------------------------------------

  private async isMember(user: User, household: Household): Promise<boolean> {
    return (await this.households.walletMembership(user.id))?.householdId === household.id;
  }

  /** A command of a member: /balance and /help; any other is answered only when it names this bot. */
  private async command(
    command: string,
    explicit: boolean,
    household: Household,
    user: User,
  ): Promise<Reply | null> {
    const t = groupTexts(user.language);
    switch (command) {
      case 'balance':
        return this.balance(household, user.language);
      case 'start':
      case 'help':
        return { text: t.help(household.name) };
      default:
        return explicit ? { text: t.help(household.name) } : null;
    }
  }

  /** The household's totals only: no member's personal money (docs/households.md, "Group chats"). */
  private async balance(household: Household, lang: Language): Promise<Reply> {
    const summary = await this.transactions.balanceSummary(household.ownerId, household.currency, {
      householdId: household.id,
    });
    return { text: groupBalanceText(lang, household.name, summary.totals) };
  }

  /** Records the items with an amount to the household, under the sender's own user (tied to the update id). */
  private async record(
    input: GroupMessageInput,
    household: Household,
    user: User,
    parsed: Array<ParsedItem & { amountMinor: bigint }>,
  ): Promise<Reply> {
    if (parsed.some((i) => i.amountMinor > MAX_AMOUNT_MINOR || i.amountMinor < 1n))
      return { text: groupTexts(user.language).tooLarge };
    // The words the member taught a category for decide first, as in their private chat (PhraseService.categorize).
    const items = (await this.categories.applyLearned(
      user.id,
      parsed.map((i) => ({ ...i, category: categoryFor(i) })),
    )) as typeof parsed;
    const rows = await this.transactions.recordMany(
      user.id,
      newTransactions(items, input.sentAt, user.timezone),
      { kind: 'text', updateId: BigInt(input.updateId), wallet: 'household' },
    );
    this.logger.log(
      `Recorded in a group: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, household_id=${household.id}, recorded=${rows.length}`,
    );
    const name = await this.categories.nameResolver(
      user.id,
      user.language,
      rows.map((r) => r.category),
    );
    return {
      text: groupRecordedText(
        user.language,
        user.firstName || input.from.firstName || '—',
        rows.map((r) => ({
          type: r.type,
          amountMinor: r.amount,
          currency: r.currency,
          categoryName: name(r.category),
        })),
      ),
    };
  }

  /** One polite reply per person and group; then silence. */
  private async notMember(
    input: GroupMessageInput,
    household: Household,
    lang: Language,
  ): Promise<Reply | null> {
    if (!(await this.households.firstChatNotice(BigInt(input.chatId), BigInt(input.from.id)))) return null;
    this.logger.log(`Not a member, told once: chat_id=${input.chatId}, household_id=${household.id}`);
    return { text: groupTexts(lang).notMember(household.name) };
  }

  /** A member's text in their own zone; anyone else's in the defaults. Amounts without a currency: the household's. */
  private parse(text: string, now: Date, household: Household, user: User | null): ParseResult {
    return parsePhrase(text, {
      language: /\p{L}/u.test(text) ? 'auto' : (user?.language ?? this.config.defaults.language),
      defaultCurrency: household.currency as ParseDefaults['defaultCurrency'],
      now,
      timeZone: user?.timezone ?? this.config.defaults.timezone,
    });
  }

  private async languageOf(from: GroupPerson): Promise<Language> {
    const user = await this.users.findByChatId(BigInt(from.id));
    return user?.language ?? this.fallbackLanguage(from);
  }

  private fallbackLanguage(from: GroupPerson): Language {
    return languageFromCode(from.languageCode) ?? this.config.defaults.language;
  }
}

type ParseDefaults = Parameters<typeof parsePhrase>[1];

/** The items of a record with an amount (a bare question or chit-chat has none). */
function recordable(parsed: ParseResult): Array<ParsedItem & { amountMinor: bigint }> {
  if (parsed.intent !== 'transaction' || parsed.card) return [];
  return parsed.items.filter((i): i is ParsedItem & { amountMinor: bigint } => i.amountMinor !== null);
}
