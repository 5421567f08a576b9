import { Injectable, Logger } from '@nestjs/common';
import { Currency, MAX_AMOUNT_MINOR } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { CategoriesService } from '../../categories/categories.service';
import {
  currentMonth,
  localToday,
  parsePhrase,
  ParsedItem,
  ParseResult,
  StatsQuery,
  RecurringPhrase,
} from '../../nlu';
import { toRange } from '../../stats/stats.period';
import { StatsService } from '../../stats/stats.service';
import { amountsText, categoryEmoji, periodText, STATS_TEXTS, summaryText } from '../../stats/stats.texts';
import { Transaction } from '../../transactions/transaction.entity';
import { RecordSource, TransactionsService } from '../../transactions/transactions.service';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import type { KnownAboutUser } from '../infra/sender-reads';
import type { InlineReply, PhraseInput } from '../replies';
import { currencyKeyboard, languageKeyboard, recordedKeyboard } from '../keyboards/bot.keyboards';
import {
  amountAgainText,
  balanceText,
  chooseCurrencyText,
  chooseLanguageText,
  currencySetText,
  languageSetText,
  recordedText,
  smalltalkText,
  textHint,
  tooLargeText,
  undoLastText,
} from '../texts/bot.texts';
import { CardNotificationsBot } from './card-notifications.bot';
import { walletTexts, withWalletLine } from '../texts/wallet.texts';
import {
  HOUSEHOLD_STATS_TEXTS,
  householdBalanceText,
  householdSummaryText,
} from '../../stats/household.texts';
import type { Summary } from '../../stats/stats.service';
import type { TransactionType } from '../../transactions/transaction.entity';
import { HouseholdsService } from '../../households/households.service';
import { clipText, REPLY_TEXT_LIMIT } from '../../../common/text/message-limit';
import type { Viewer, Wallet } from '../../transactions/wallet';
import { afterAnswer, bareAmount, PendingAmount, pendingAmount, readPending } from './pending-amount';
import { AsidesBot } from './asides/asides.bot';
import { PlansBot } from './plans.bot';
import { RecurringBot } from './recurring.bot';
import { BudgetsBot } from './budgets.bot';
import { BudgetsService } from '../../budgets/budgets.service';
import { budgetLinesText } from '../../budgets/budgets.texts';
import type { RecurringDraft } from '../../recurring/recurring.service';
import { categoryFor, itemView, newTransactions, occurredAt, pendingItemView } from './recording';

const RECENT_OPERATIONS = 5;

/** "каждый месяц 1 числа аренда 3 млн" as read by the parser → the rule to create (docs/recurring.md). */
function recurringDraft(r: RecurringPhrase): RecurringDraft {
  return {
    type: r.type,
    amountMinor: r.amountMinor,
    currency: r.currency,
    category: categoryFor(r),
    description: r.description,
    every: r.every,
    day: r.day,
    ...(r.wallet ? { wallet: r.wallet } : {}),
  };
}

function sourceOf(input: PhraseInput, wallet?: Wallet): RecordSource {
  const updateId = BigInt(input.updateId);
  const source: RecordSource =
    input.transcript === undefined
      ? { kind: 'text', updateId }
      : { kind: 'voice', updateId, transcript: input.transcript };
  return wallet ? { ...source, wallet } : source;
}

/**
 * Free text in the chat: phrases become transactions (the phrase reading of docs/interface.md §6 → recordMany tied to the update id), the
 * "how much?" conversation kept in bot_sessions.state, the intents (balance, stats, undo, language, currency), and
 * the inline buttons under a recorded reply. Plain values in, reply texts from bot.texts out.
 */
@Injectable()
export class PhraseService {
  private readonly logger = new Logger(PhraseService.name);

  constructor(
    private readonly transactions: TransactionsService,
    private readonly categories: CategoriesService,
    private readonly users: UsersService,
    private readonly sessions: BotSessionsRepository,
    private readonly statsService: StatsService,
    private readonly plans: PlansBot,
    private readonly cards: CardNotificationsBot,
    private readonly asides: AsidesBot,
    private readonly households: HouseholdsService,
    private readonly recurring: RecurringBot,
    private readonly budgetsBot: BudgetsBot,
    private readonly budgets: BudgetsService,
  ) {}

  /**
   * The categories items are recorded with: the parser's (a key that fits the type), then what the user taught by
   * correcting earlier records (the learned words win). Shared by new and edited messages.
   */
  async categorize<T extends ParsedItem>(
    user: User,
    items: readonly T[],
    known?: KnownAboutUser,
  ): Promise<T[]> {
    return this.categories.applyLearned(
      user.id,
      items.map((i) => ({ ...i, category: categoryFor(i) })),
      known?.learned,
    ) as Promise<T[]>;
  }

  async onText(user: User, input: PhraseInput): Promise<InlineReply> {
    const now = input.sentAt;
    // Goals and debts ("цель: …", "дал в долг …", "Алишер вернул …") come before the transaction reading.
    const plan = await this.plans.onText(user, input.text, now);
    if (plan) return plan;
    const state = await this.sessions.getState(user);
    const pending = readPending(state, now);
    if (pending) {
      const answer = bareAmount(this.parse(user, input.text, now, pending.items[0].currency as Currency));
      if (answer) return this.completePending(user, input, pending, answer);
    }
    const parsed = this.parse(user, input.text, now, user.currency);
    // A forwarded card notification: its own date and time, once however often forwarded (docs/card-notifications.md).
    if (parsed.card) {
      const sentAt = input.writtenAt ?? input.sentAt;
      return this.cards.onNotification(user, {
        updateId: input.updateId,
        chatId: input.chatId,
        sentAt,
        reading: parsed.card,
        category: parsed.items[0]?.category,
      });
    }
    // Money named but not a record (conversion, later, which currency, saving, too large or many), and spending
    // questions about a word or about food: bot/asides (docs/asides.md).
    const aside = await this.asides.onParsed(
      user,
      input,
      parsed,
      state,
      // The line beside a word's records: the aside titles the whole answer itself.
      async (q) => (await this.stats(user, now, q, false)).text,
    );
    if (aside) return aside;
    switch (parsed.intent) {
      case 'transaction':
        if (!parsed.items.length) return this.notUnderstood(user, pending);
        return this.record(user, input, parsed.items, pending, parsed.wallet);
      case 'balance_query':
        return parsed.wallet === 'household' ? this.familyBalance(user) : this.balance(user, now);
      case 'stats_query':
        return this.stats(user, now, parsed.stats);
      case 'undo':
        return this.undoLast(user);
      case 'set_language':
        return this.changeLanguage(user, parsed.setting?.language);
      case 'set_currency':
        return this.changeCurrency(user, parsed.setting?.currency);
      case 'smalltalk':
        return { text: smalltalkText(user.language) };
      case 'set_recurring':
        return parsed.recurring
          ? this.recurring.fromPhrase(user, recurringDraft(parsed.recurring), now)
          : this.notUnderstood(user, pending);
      case 'set_budget':
        return parsed.budget
          ? this.budgetsBot.fromParsed(user, parsed.budget)
          : this.notUnderstood(user, pending);
      case 'budget_query':
        return parsed.budgetQuery
          ? this.budgetsBot.whatIsLeft(user, parsed.budgetQuery)
          : this.notUnderstood(user, pending);
      case 'unknown':
        return this.notUnderstood(user, pending);
    }
  }

  /**
   * The /balance answer (also for "какой у меня баланс?"); for someone in a household, the household's totals and each
   * member's expenses follow in the same message (docs/households.md, "Seeing it").
   */
  async balance(user: User, now: Date): Promise<InlineReply> {
    const [summary, recent, name, family] = await Promise.all([
      this.transactions.balanceSummary(user.id, user.currency),
      this.transactions.recent(user.id, RECENT_OPERATIONS),
      this.categories.nameResolver(user.id, user.language),
      this.familyBalanceText(user),
    ]);
    const own = balanceText(user.language, {
      totals: summary.totals,
      converted: summary.converted,
      recent: recent.map((t) => ({
        type: t.type,
        amountMinor: t.amount,
        currency: t.currency,
        description: t.description,
        categoryName: name(t.category),
      })),
      defaultCurrency: user.currency,
      at: now,
      timeZone: user.timezone,
    });
    return { text: family ? clipText(`${own}\n\n${family}`, REPLY_TEXT_LIMIT) : own };
  }

  /** "семейный баланс", "oila balansi": the household's totals and each member's expenses only. */
  private async familyBalance(user: User): Promise<InlineReply> {
    return { text: (await this.familyBalanceText(user)) ?? walletTexts(user.language).noFamilyStats };
  }

  /** The household's part of /balance, or null for someone in none. */
  private async familyBalanceText(user: User): Promise<string | null> {
    const household = await this.households.householdOf(user.id);
    if (!household) return null;
    const scope = { householdId: household.id };
    const [totals, members] = await Promise.all([
      this.transactions.balanceSummary(user.id, household.currency, scope),
      this.transactions.memberTotals(household.id),
    ]);
    return householdBalanceText(user.language, household.name, totals.totals, members);
  }

  /** /language: the language buttons. */
  chooseLanguage(user: User): InlineReply {
    return { text: chooseLanguageText(user.language), markup: languageKeyboard(user.language) };
  }

  /** /currency: the default-currency buttons. */
  chooseCurrency(user: User): InlineReply {
    return { text: chooseCurrencyText(user.language), markup: currencyKeyboard(user.currency) };
  }

  // -------------------------------------------------------------------------------------------------------------

  /** The user's text read as every message is read (the edit of a message is read the same way). */
  parse(user: User, text: string, now: Date, defaultCurrency: Currency): ParseResult {
    // A bare number has no words to tell the language by: the user's own then.
    return parsePhrase(text, {
      language: /\p{L}/u.test(text) ? 'auto' : user.language,
      defaultCurrency,
      now,
      timeZone: user.timezone,
    });
  }

  /**
   * Records every item that has an amount; items without one are asked about (the first now, the rest after).
   * A word the user taught a category for (docs/learning.md) decides the item's category before the parser does.
   */
  private async record(
    user: User,
    input: PhraseInput,
    parsed: ParsedItem[],
    pending: PendingAmount | null,
    said?: Wallet,
  ): Promise<InlineReply> {
    // What the update's claim read about this user (infra/sender-reads.ts), so not read again here.
    const known = input.known?.userId === user.id ? input.known : undefined;
    const items = await this.categorize(user, parsed, known);
    const complete = items.filter(
      (i): i is (typeof items)[number] & { amountMinor: bigint } => i.amountMinor !== null,
    );
    const missing = items.filter((i) => i.amountMinor === null);
    if (complete.some((i) => i.amountMinor > MAX_AMOUNT_MINOR || i.amountMinor < 1n))
      return { text: tooLargeText(user.language) };

    const news = newTransactions(complete, input.sentAt, user.timezone);
    // Who records, read once for this message: the recording, the wallet button and the budgets share it.
    const viewer: Viewer = known
      ? { userId: user.id, membership: known.membership }
      : await this.transactions.viewer(user.id);
    // "в семью" from someone in no household: recorded as their own, and the reply says so.
    const wallet = said === 'household' && !viewer.membership ? undefined : said;
    const rows = await this.transactions.recordMany(user.id, news, sourceOf(input, wallet), viewer);
    // The new phrase replaces whatever was asked before.
    const next = missing.length ? pendingAmount(missing, input.sentAt) : null;
    if (next) await this.sessions.setState(user, next);
    else if (pending) await this.sessions.replaceStateIf(user, pending.id, null);
    this.logRecorded(user, input, rows.length);
    const reply = await this.recordedReply(user, input, rows, next, viewer, known?.budgets);
    // The third month of the same payment: offer to make it recurring, once (docs/recurring.md, "Noticing patterns").
    const offer = rows.length ? await this.recurring.offerAfterRecord(user, rows, input.sentAt) : null;
    if (offer) reply.followUp = offer;
    return said !== wallet && rows.length
      ? { ...reply, text: `${reply.text}\n${walletTexts(user.language).noHousehold}` }
      : reply;
  }

  /** The answer to "💬 Сколько?": the first pending item is recorded with it (tied to this update). */
  private async completePending(
    user: User,
    input: PhraseInput,
    pending: PendingAmount,
    answer: { amountMinor: bigint; currency: string },
  ): Promise<InlineReply> {
    if (answer.amountMinor > MAX_AMOUNT_MINOR) return { text: tooLargeText(user.language) };
    const [item] = await this.categories.applyLearned(user.id, [
      { ...pending.items[0], category: categoryFor(pending.items[0]) },
    ]);
    const rows = await this.transactions.recordMany(
      user.id,
      [
        {
          ...item,
          amountMinor: answer.amountMinor,
          currency: answer.currency,
          occurredAt: occurredAt(item.date, input.sentAt, user.timezone),
        },
      ],
      sourceOf(input),
    );
    const next = afterAnswer(pending);
    await this.sessions.replaceStateIf(user, pending.id, next);
    this.logRecorded(user, input, rows.length);
    return this.recordedReply(user, input, rows, next);
  }

  private async recordedReply(
    user: User,
    input: PhraseInput,
    rows: Transaction[],
    next: PendingAmount | null,
    viewer?: Viewer,
    budgetsExist?: KnownAboutUser['budgets'],
  ): Promise<InlineReply> {
    const now = input.sentAt;
    const keys = [...rows.map((r) => r.category), ...(next ? [next.items[0].category] : [])];
    const name = await this.categories.nameResolver(user.id, user.language, keys);
    const question = next ? pendingItemView(next.items[0], name, user.timezone, now) : undefined;
    const known = viewer ?? (await this.transactions.viewer(user.id));
    const [wallet, budgets] = await Promise.all([
      this.transactions.movableWallet(user.id, rows, known),
      // What the budgets these records fall under still allow (docs/budgets.md); warnings go out by themselves.
      this.budgets.afterRecorded(user.id, rows, { user, membership: known.membership, budgetsExist }),
    ]);
    const recorded = recordedText(
      user.language,
      rows.map((r) => itemView(r, name)),
      user.timezone,
      question,
    );
    const left = budgets.length ? budgetLinesText(user.language, budgets) : '';
    return {
      text: withWalletLine(user.language, left ? `${recorded}\n${left}` : recorded, wallet),
      markup: rows.length ? recordedKeyboard(user.language, BigInt(input.updateId), wallet) : undefined,
      effect: rows.length ? { kind: 'records', rows } : undefined,
    };
  }

  private async notUnderstood(user: User, pending: PendingAmount | null): Promise<InlineReply> {
    return { text: pending ? amountAgainText(user.language) : textHint(user.language) };
  }

  /**
   * A statistics question answers with a number per currency: "🚕 Транспорт за ноябрь: 120,000.00 UZS" (a category),
   * "💸 Расходы за октябрь: …" (a direction), or the whole summary when it asks about neither.
   */
  private async stats(
    user: User,
    now: Date,
    query: StatsQuery | undefined,
    titled = true,
  ): Promise<InlineReply> {
    const today = localToday(now, user.timezone);
    const q: StatsQuery = query ?? { period: currentMonth(today) };
    const range = toRange('custom', q.period, user.timezone);
    // "сколько семья потратила…": the household's records from every member (docs/households.md, "Seeing it").
    const household = q.scope === 'household' ? await this.households.householdOf(user.id) : null;
    if (q.scope === 'household' && !household) return { text: walletTexts(user.language).noFamilyStats };
    const summary = await this.statsService.summary(
      user.id,
      user.language,
      { range, type: q.type, category: q.category },
      household ? { householdId: household.id } : undefined,
    );
    const period = periodText(user.language, q.period, today.y);
    const type = q.type;
    if (!type)
      return {
        text: household
          ? householdSummaryText(user.language, household.name, summary, today.y)
          : summaryText(user.language, summary, today.y),
      };
    const answer = await this.statsAnswer(user, summary, q, type, period);
    return {
      text:
        household && titled
          ? `${HOUSEHOLD_STATS_TEXTS[user.language].title(household.name)}\n${answer}`
          : answer,
    };
  }

  /** A number per currency for one direction, of one category when asked. */
  private async statsAnswer(
    user: User,
    summary: Summary,
    q: StatsQuery,
    type: TransactionType,
    period: string,
  ): Promise<string> {
    const t = STATS_TEXTS[user.language];
    const amounts = amountsText(
      summary.totals.map((c) => ({
        currency: c.currency,
        amountMinor: type === 'income' ? c.incomeMinor : c.expenseMinor,
      })),
      user.currency,
    );
    if (!q.category) return t.typeAnswer(type, period, amounts);
    const name = await this.statsService.categoryName(user.id, user.language, q.category);
    return t.categoryAnswer(categoryEmoji(q.category, type), name, period, amounts);
  }

  private async undoLast(user: User): Promise<InlineReply> {
    const removed = await this.transactions.undoLast(user.id);
    const name = await this.categories.nameResolver(
      user.id,
      user.language,
      removed ? [removed.category] : [],
    );
    if (removed) this.logger.log(`Last record undone: user_id=${user.id}`);
    return {
      text: undoLastText(user.language, removed && itemView(removed, name), user.timezone),
      effect: removed ? { kind: 'action' } : undefined,
    };
  }

  private async changeLanguage(user: User, language: Language | undefined): Promise<InlineReply> {
    if (!language) return this.chooseLanguage(user);
    const updated = await this.users.setLanguage(user.id, language);
    return { text: languageSetText(updated.language) };
  }

  private async changeCurrency(user: User, currency: Currency | undefined): Promise<InlineReply> {
    if (!currency) return this.chooseCurrency(user);
    const updated = await this.users.setCurrency(user.id, currency);
    return { text: currencySetText(updated.language, updated.currency) };
  }

  private logRecorded(user: User, input: PhraseInput, recorded: number): void {
    // test/bot-phrases.e2e-spec.ts reads this line as it is.
    this.logger.log(
      `Recorded from ${input.transcript === undefined ? 'text' : 'voice'}: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, recorded=${recorded}`,
    );
  }
}
