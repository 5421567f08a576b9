import { Injectable, Logger } from '@nestjs/common';
import { Currency, formatMoney, MAX_AMOUNT_MINOR, rateToDecimal } from '../../../../common/money';
import { localDate, readIsoDate } from '../../../../common/time/local-time';
import { CategoriesService } from '../../../categories/categories.service';
import { goalTexts, goalTooLargeText } from '../../../goals/goals.texts';
import { Aside, localToday, ParsedItem, ParseResult, StatsQuery } from '../../../nlu';
import { PlannedItem, PlannedPaymentsService } from '../../../planned/planned-payments.service';
import { RatesService } from '../../../rates/rates.service';
import { toRange } from '../../../stats/stats.period';
import { StatsService } from '../../../stats/stats.service';
import { categoryEmoji, periodText } from '../../../stats/stats.texts';
import { Transaction } from '../../../transactions/transaction.entity';
import { TransactionsService } from '../../../transactions/transactions.service';
import { User } from '../../../users/user.entity';
import { BotSessionsRepository } from '../../infra/bot-sessions.repository';
import { readPending } from '../pending-amount';
import { recordedKeyboard } from '../../keyboards/bot.keyboards';
import { callbackTexts, recordedText, textHint } from '../../texts/bot.texts';
import type { CallbackAction, PlannedStep } from '../../keyboards/callback-data';
import type { CallbackReply, PhraseInput, InlineReply } from '../../replies';
import { PlansBot } from '../plans.bot';
import { categoryFor, itemView, occurredAt } from '../recording';
import { walletTexts, withWalletLine } from '../../texts/wallet.texts';
import { HOUSEHOLD_STATS_TEXTS } from '../../../stats/household.texts';
import { HouseholdsService } from '../../../households/households.service';
import { currencyChoiceKeyboard, futureKeyboard, goalOfferKeyboard } from '../../keyboards/asides.keyboards';
import { AsideQuestion, currencyQuestion, goalOffer, readAsideQuestion } from './asides.state';
import {
  askCurrencyText,
  AsideItemView,
  asideTexts,
  conversionText,
  foodAnswerText,
  futureText,
  goalOfferText,
  plannedClosedText,
  reminderSetText,
  termAnswerText,
  tooLargeAsideText,
  tooManyText,
} from '../../texts/asides.texts';

/** The buttons this flow answers (callback-data.ts). */
export type AsideAction = Extract<CallbackAction, { kind: 'pick_currency' | 'planned' | 'goal_offer' }>;

/** The category or direction total of a statistics question (PhraseService's answer), set beside a word's records. */
export type StatsLine = (query: StatsQuery) => Promise<string>;

const SHOWN_RECORDS = 5;

type AmountItem = ParsedItem & { amountMinor: bigint };
const hasAmount = (i: ParsedItem): i is AmountItem => i.amountMinor !== null;
const outOfRange = (i: AmountItem) => i.amountMinor > MAX_AMOUNT_MINOR || i.amountMinor < 1n;

/** "2026-12-06" + n days. */
function plusDays(iso: string, days: number): string {
  const [y, m, d] = readIsoDate(iso)!;
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Messages that name money but are not records (the parser's `aside`; docs/asides.md), and spending questions about
 * a word ("бензин") or about food: conversion questions answered with the bank's rate, money for a later day kept
 * and offered a reminder (planned_payments), "40 тыс" in a non-sum default currency asked about with two buttons
 * (the items wait in bot_sessions.state), saving intentions offered as a goal, and amounts or lists too large to
 * record refused with the reason. Nothing here records a transaction except a button press, and a press records
 * tied to the update id of the message it answers, so twice is once.
 */
@Injectable()
export class AsidesBot {
  private readonly logger = new Logger(AsidesBot.name);

  constructor(
    private readonly rates: RatesService,
    private readonly planned: PlannedPaymentsService,
    private readonly transactions: TransactionsService,
    private readonly categories: CategoriesService,
    private readonly stats: StatsService,
    private readonly sessions: BotSessionsRepository,
    private readonly plans: PlansBot,
    private readonly households: HouseholdsService,
  ) {}

  /**
   * The early branch of a parsed message: an aside or a spending question about a word or food gets its reply;
   * anything else null (the ordinary reading goes on). Either way a question still waiting for a button (which
   * currency, create the goal) is replaced by the new phrase.
   */
  async onParsed(
    user: User,
    input: PhraseInput,
    parsed: ParseResult,
    state: unknown,
    statsLine: StatsLine,
  ): Promise<InlineReply | null> {
    const asked = readAsideQuestion(state);
    if (asked) await this.sessions.clearStateIf(user, asked.id);
    if (parsed.aside) return this.aside(user, input, parsed.aside, state, parsed.wallet);
    const q = parsed.stats;
    if (parsed.intent === 'stats_query' && q && (q.term || q.categories?.length))
      return this.spending(user, input.sentAt, q, statsLine);
    return null;
  }

  async onCallback(user: User, action: AsideAction): Promise<CallbackReply> {
    switch (action.kind) {
      case 'pick_currency':
        return this.pickCurrency(user, action.updateId, action.currency);
      case 'planned':
        return this.plannedStep(user, action.updateId, action.step);
      case 'goal_offer':
        return this.createOfferedGoal(user, action.updateId);
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  private async aside(
    user: User,
    input: PhraseInput,
    aside: Aside,
    state: unknown,
    wallet?: 'household',
  ): Promise<InlineReply | null> {
    const lang = user.language;
    switch (aside.kind) {
      case 'conversion':
        return this.convert(user, aside.amountMinor, aside.from, aside.to);
      case 'future':
        return this.offerReminder(user, input, aside.date, aside.items);
      case 'ask_currency':
        return this.askCurrency(
          user,
          input,
          this.answeringPending(aside.items, state, input.sentAt),
          aside.choices,
          wallet,
        );
      case 'saving_goal':
        return this.offerGoal(user, input, aside);
      case 'too_large':
        this.logger.log(`Amount too large: update_id=${input.updateId}, user_id=${user.id}`);
        return { text: tooLargeAsideText(lang, MAX_AMOUNT_MINOR) };
      case 'too_many':
        this.logger.log(
          `Too many amounts: update_id=${input.updateId}, user_id=${user.id}, count=${aside.count}`,
        );
        return { text: tooManyText(lang, aside.count, aside.limit) };
    }
  }

  /** "50 dollar necha so'm bo'ladi": the amount at the bank's rate of the day, and that rate and its date. */
  private async convert(user: User, amountMinor: bigint, from: Currency, to: Currency): Promise<InlineReply> {
    const converted = await this.rates.convert(amountMinor, from, to);
    this.logger.log(
      `Rate question: user_id=${user.id}, ${from}→${to}, rate_date=${converted?.date ?? 'none'}`,
    );
    if (!converted) return { text: asideTexts(user.language).rateUnavailable };
    return {
      text: conversionText(user.language, {
        amountMinor,
        from,
        resultMinor: converted.amountMinor,
        to,
        date: converted.date,
        rates: converted.rates.map((r) => ({ currency: r.currency, perUnit: rateToDecimal(r.rate) })),
      }),
    };
  }

  /** "завтра куплю билеты 800 тыс": kept, nothing recorded; the reminder is offered with buttons. */
  private async offerReminder(
    user: User,
    input: PhraseInput,
    date: string | null,
    parsed: ParsedItem[],
  ): Promise<InlineReply> {
    const items = parsed.filter(hasAmount);
    if (!items.length) return { text: textHint(user.language) };
    if (items.some(outOfRange)) return { text: tooLargeAsideText(user.language, MAX_AMOUNT_MINOR) };
    const updateId = BigInt(input.updateId);
    const payment = await this.planned.offer(user.id, {
      updateId,
      source: input.transcript === undefined ? 'text' : 'voice',
      transcript: input.transcript,
      items: items.map((i) => ({
        type: i.type,
        amountMinor: i.amountMinor,
        currency: i.currency,
        category: categoryFor(i),
        description: i.description,
        date: i.date,
      })),
      plannedOn: date,
    });
    this.logger.log(
      `Money for a later day, nothing recorded: update_id=${input.updateId}, user_id=${user.id}, planned_on=${payment.plannedOn ?? '—'}`,
    );
    const views = await this.plannedViews(user, payment.items);
    return {
      text: futureText(user.language, payment.plannedOn, views),
      markup: futureKeyboard(user.language, updateId, payment.plannedOn),
    };
  }

  /**
   * "40 тыс" alone while "💬 Сколько?" waits for one item ("такси"): the question is about that item, with this
   * amount (the currency question then replaces the amount question).
   */
  private answeringPending(items: ParsedItem[], state: unknown, now: Date): ParsedItem[] {
    const pending = readPending(state, now);
    const [bare] = items;
    if (
      !pending ||
      pending.items.length !== 1 ||
      items.length !== 1 ||
      bare.description.trim() ||
      bare.category !== 'other'
    )
      return items;
    const asked = pending.items[0];
    return [
      {
        ...bare,
        type: asked.type,
        category: asked.category as ParsedItem['category'],
        description: asked.description,
        date: asked.date,
      },
    ];
  }

  /** "такси 40 тыс" with USD by default: which currency? The items wait in the session for the button. */
  private async askCurrency(
    user: User,
    input: PhraseInput,
    parsed: ParsedItem[],
    choices: [Currency, Currency],
    wallet?: 'household',
  ): Promise<InlineReply | null> {
    const items = parsed.filter(hasAmount);
    if (!items.length) return null;
    if (items.some(outOfRange)) return { text: tooLargeAsideText(user.language, MAX_AMOUNT_MINOR) };
    const updateId = BigInt(input.updateId);
    const source = input.transcript === undefined ? 'text' : 'voice';
    const fixed = items.map((i) => ({ ...i, category: categoryFor(i) }));
    await this.sessions.setState(
      user,
      currencyQuestion(
        { updateId, sentAt: input.sentAt, source, transcript: input.transcript, choices, wallet },
        fixed,
      ),
    );
    // the sum reading first: thousands words are almost always sums
    const ordered = [...choices].sort((a, b) => (a === 'UZS' ? -1 : b === 'UZS' ? 1 : 0));
    const single = fixed.length === 1 ? fixed[0] : null;
    const name = await this.categories.nameResolver(
      user.id,
      user.language,
      fixed.map((i) => i.category),
    );
    const views: AsideItemView[] = fixed.map((i) => ({
      description: i.description,
      categoryName: name(i.category),
      amountMinor: i.amountMinor,
      currency: null,
    }));
    this.logger.log(
      `Asked which currency: update_id=${input.updateId}, user_id=${user.id}, items=${fixed.length}`,
    );
    return {
      text: askCurrencyText(user.language, choices[0], views),
      markup: currencyChoiceKeyboard(
        updateId,
        ordered.map((currency) => ({
          currency,
          label: single ? formatMoney(single.amountMinor, currency) : currency,
        })),
      ),
    };
  }

  /** A saving intention the goals flow did not take: the goal question, or the goal offered with a button. */
  private async offerGoal(
    user: User,
    input: PhraseInput,
    aside: Extract<Aside, { kind: 'saving_goal' }>,
  ): Promise<InlineReply> {
    const g = goalTexts(user.language);
    if (!aside.title) return { text: g.needTitle };
    if (aside.amountMinor === null) return { text: g.needAmount };
    if (aside.amountMinor > MAX_AMOUNT_MINOR) return { text: goalTooLargeText(user.language) };
    const updateId = BigInt(input.updateId);
    const goal = {
      title: aside.title,
      amountMinor: aside.amountMinor,
      currency: aside.currency,
      deadline: aside.deadline,
    };
    await this.sessions.setState(user, goalOffer({ updateId, sentAt: input.sentAt }, goal));
    return {
      text: goalOfferText(user.language, goal.title, goal.amountMinor, goal.currency),
      markup: goalOfferKeyboard(user.language, updateId),
    };
  }

  /**
   * "сколько ушло на бензин": the records whose description has the word (how many, how much, the latest) beside
   * the category total; "еда / ovqat / food": groceries and cafes together, and each.
   */
  private async spending(user: User, now: Date, q: StatsQuery, statsLine: StatsLine): Promise<InlineReply> {
    const lang = user.language;
    const today = localToday(now, user.timezone);
    const range = toRange('custom', q.period, user.timezone);
    const period = periodText(lang, q.period, today.y);
    // "сколько семья потратила на еду": the household's records (docs/households.md, "Seeing it").
    const household = q.scope === 'household' ? await this.households.householdOf(user.id) : null;
    if (q.scope === 'household' && !household) return { text: walletTexts(lang).noFamilyStats };
    const wallet = household ? { householdId: household.id } : undefined;
    const titled = (text: string) =>
      household ? `${HOUSEHOLD_STATS_TEXTS[lang].title(household.name)}\n${text}` : text;
    if (q.categories?.length) {
      const type = q.type ?? 'expense';
      const summary = await this.stats.summary(user.id, lang, { range, type }, wallet);
      const name = await this.categories.nameResolver(user.id, lang, q.categories);
      const categories = q.categories.map((key) => ({
        emoji: categoryEmoji(key, type),
        name: name(key),
        amounts: summary.byCategory
          .filter((l) => l.category === key)
          .map((l) => ({ currency: l.currency, amountMinor: l.amountMinor })),
      }));
      return { text: titled(foodAnswerText(lang, { period, categories, userCurrency: user.currency })) };
    }
    const term = q.term!;
    const [matches, beside] = await Promise.all([
      this.transactions.findByDescriptionWord(
        user.id,
        term,
        { from: range.start, to: range.end, type: q.type, wallet },
        SHOWN_RECORDS,
      ),
      q.category || q.type ? statsLine({ ...q, term: undefined }) : Promise.resolve(undefined),
    ]);
    const name = await this.categories.nameResolver(
      user.id,
      lang,
      matches.latest.map((t) => t.category),
    );
    return {
      text: titled(
        termAnswerText(lang, {
          term,
          period,
          totals: matches.totals,
          latest: matches.latest.map((t) => ({
            date: localDate(t.occurredAt, user.timezone),
            description: t.description,
            categoryName: name(t.category),
            amountMinor: t.amount,
            currency: t.currency,
          })),
          categoryLine: beside,
          userCurrency: user.currency,
        }),
      ),
    };
  }

  /**
   * A currency button: the waiting items recorded in that currency, tied to the message's update id. The question
   * is cleared after recording; of two presses only the one that cleared it answers "recorded".
   */
  private async pickCurrency(user: User, updateId: bigint, currency: Currency): Promise<CallbackReply> {
    const asked = readAsideQuestion(await this.sessions.getState(user));
    if (
      !asked ||
      asked.awaiting !== 'currency' ||
      asked.updateId !== updateId.toString() ||
      !asked.choices.includes(currency)
    ) {
      return this.staleAnswer(user, updateId);
    }
    const sentAt = new Date(asked.askedAt);
    const rows = await this.transactions.recordMany(
      user.id,
      asked.items.map((i) => ({
        type: i.type,
        amountMinor: BigInt(i.amountMinor),
        currency,
        category: i.category,
        description: i.description,
        occurredAt: occurredAt(i.date, sentAt, user.timezone),
      })),
      {
        kind: asked.source,
        updateId,
        transcript: asked.transcript,
        // Said "в семью" but no longer in a household by the press: their own wallet.
        ...(asked.wallet && (await this.transactions.viewer(user.id)).membership
          ? { wallet: asked.wallet }
          : {}),
      },
    );
    if (!(await this.sessions.clearStateIf(user, asked.id)))
      return { answer: { text: asideTexts(user.language).alreadyRecorded, alert: true } };
    this.logger.log(
      `Recorded in the chosen currency: update_id=${updateId}, user_id=${user.id}, currency=${currency}, recorded=${rows.length}`,
    );
    return this.recordedAnswer(user, updateId, rows);
  }

  /** 🔔 remind (on its day, tomorrow, in a week), ✅ paid already, ✖ no; under the reminder ✅ record, ⏭ skip. */
  private async plannedStep(user: User, updateId: bigint, step: PlannedStep): Promise<CallbackReply> {
    const lang = user.language;
    const t = asideTexts(lang);
    const payment = await this.planned.find(user.id, updateId);
    if (!payment) return { answer: { text: callbackTexts(lang).notAvailable, alert: true } };
    const now = new Date();
    const today = localDate(now, user.timezone);
    const refused = (): CallbackReply => ({
      answer: {
        text: payment.status === 'recorded' ? t.alreadyRecorded : callbackTexts(lang).notAvailable,
        alert: true,
      },
    });
    switch (step) {
      case 'remind':
      case 'tomorrow':
      case 'week': {
        // a day already past is reminded of at the next tick
        const remindOn =
          step === 'week'
            ? plusDays(today, 7)
            : step === 'remind' && payment.plannedOn
              ? payment.plannedOn
              : plusDays(today, 1);
        const scheduled = await this.planned.schedule(user.id, updateId, remindOn);
        if (!scheduled) return refused();
        const views = await this.plannedViews(user, scheduled.items);
        return {
          answer: { text: '🔔' },
          edit: { text: reminderSetText(lang, scheduled.plannedOn, views, remindOn) },
        };
      }
      case 'paid':
      case 'record': {
        // "paid already" is today's expense; "record" under the reminder is the reminder's day's
        const day = step === 'paid' ? today : (payment.remindOn ?? payment.plannedOn ?? today);
        const outcome = await this.planned.record(user.id, updateId, occurredAt(day, now, user.timezone));
        if (!outcome) return refused();
        if (!outcome.recordedNow) return { answer: { text: t.alreadyRecorded, alert: true } };
        return this.recordedAnswer(user, updateId, outcome.rows);
      }
      case 'no':
      case 'skip': {
        const closed =
          step === 'no'
            ? await this.planned.decline(user.id, updateId)
            : await this.planned.skip(user.id, updateId);
        if (!closed) return refused();
        const views = await this.plannedViews(user, closed.items);
        return {
          answer: { text: step === 'no' ? '✖' : '⏭' },
          edit: {
            text: plannedClosedText(lang, closed.plannedOn, views, step === 'no' ? 'declined' : 'skipped'),
          },
        };
      }
    }
  }

  /** 🎯 Create the goal: the offered goal, once (the press that clears the offer creates it). */
  private async createOfferedGoal(user: User, updateId: bigint): Promise<CallbackReply> {
    const asked: AsideQuestion | null = readAsideQuestion(await this.sessions.getState(user));
    if (
      !asked ||
      asked.awaiting !== 'goal' ||
      asked.updateId !== updateId.toString() ||
      !(await this.sessions.clearStateIf(user, asked.id))
    ) {
      return { answer: { text: callbackTexts(user.language).notAvailable, alert: true } };
    }
    const reply = await this.plans.createGoal(user, {
      title: asked.title,
      targetMinor: BigInt(asked.amountMinor),
      currency: asked.currency as Currency,
      deadline: asked.deadline,
    });
    return { answer: { text: '🎯' }, edit: { text: reply.text, markup: reply.markup } };
  }

  /** A press whose question is gone: recorded already (by an earlier press) or replaced by a newer phrase. */
  private async staleAnswer(user: User, updateId: bigint): Promise<CallbackReply> {
    const rows = await this.transactions.findByUpdate(user.id, updateId);
    const text = rows.length
      ? asideTexts(user.language).alreadyRecorded
      : callbackTexts(user.language).notAvailable;
    return { answer: { text, alert: true } };
  }

  /** The message the button is under becomes the usual recorded reply, with ↩️ Undo and 🏷 Category. */
  private async recordedAnswer(user: User, updateId: bigint, rows: Transaction[]): Promise<CallbackReply> {
    const name = await this.categories.nameResolver(
      user.id,
      user.language,
      rows.map((r) => r.category),
    );
    const views = rows.map((r) => itemView(r, name));
    const wallet = await this.transactions.movableWallet(user.id, rows);
    return {
      answer: { text: '✅' },
      edit: {
        text: withWalletLine(user.language, recordedText(user.language, views, user.timezone), wallet),
        markup: recordedKeyboard(user.language, updateId, wallet),
      },
    };
  }

  private async plannedViews(user: User, items: readonly PlannedItem[]): Promise<AsideItemView[]> {
    const name = await this.categories.nameResolver(
      user.id,
      user.language,
      items.map((i) => i.category),
    );
    return items.map((i) => ({
      description: i.description,
      categoryName: name(i.category),
      amountMinor: i.amountMinor,
      currency: i.currency,
    }));
  }
}
