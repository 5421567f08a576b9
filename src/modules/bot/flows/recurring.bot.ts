import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { DomainError } from '../../../common/errors/domain-error';
import { Currency, isCurrency } from '../../../common/money';
import { parsePhrase } from '../../nlu';
import { EVERY } from '../../recurring/recurring.schedule';
import { decodeRecurring, offerKeyboard, ruleButtons } from '../../recurring/recurring.buttons';
import type { PatternOffer } from '../../recurring/recurring.repository';
import {
  AnswerOutcome,
  RecurringDraft,
  RecurringService,
  RecurringView,
} from '../../recurring/recurring.service';
import {
  displayDate,
  editAskText,
  offerText,
  recordedText,
  RECURRING_TEXTS,
  ruleLine,
  ruleMoney,
  ruleName,
  timingText,
} from '../../recurring/recurring.texts';
import type { Transaction } from '../../transactions/transaction.entity';
import type { User } from '../../users/user.entity';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';
import { bareAmount, PENDING_TTL_MS } from './pending-amount';
import { splitEditAnswer } from './recurring-edit';

/**
 * The amount the bot waits for in the next message (bot_sessions.state): for an ask's ✏️ Another amount
 * (`occurrenceId`), for a rule a phrase named without one (`draft`), or the new amount (and day) of a rule after
 * ✏️ under it in /recurring (`ruleId`).
 */
interface RecurringAmountState {
  awaiting: 'recurring_amount';
  id: string;
  askedAt: string;
  currency: string;
  occurrenceId?: string;
  draft?: Omit<RecurringDraft, 'amountMinor'>;
  ruleId?: string;
}

function readState(state: unknown, now: Date): RecurringAmountState | null {
  const s = state as Partial<RecurringAmountState> | null;
  if (!s || typeof s !== 'object' || s.awaiting !== 'recurring_amount' || typeof s.id !== 'string')
    return null;
  const at = Date.parse(String(s.askedAt));
  if (Number.isNaN(at) || now.getTime() - at > PENDING_TTL_MS || !isCurrency(s.currency)) return null;
  if (
    typeof s.occurrenceId !== 'string' &&
    typeof s.ruleId !== 'string' &&
    !(s.draft && EVERY.includes(s.draft.every))
  )
    return null;
  return s as RecurringAmountState;
}

/**
 * Recurring payments in the bot (docs/recurring.md): /recurring (the list with edit / pause / resume / delete), the
 * buttons under the due-day ask (✅ Record · ⏭ Skip · ✏️ Another amount), the amount typed after either ✏️, and the
 * rule a phrase set (`fromPhrase`, for the parser's set_recurring).
 */
@Injectable()
export class RecurringBot {
  constructor(
    private readonly recurring: RecurringService,
    private readonly sessions: BotSessionsRepository,
  ) {}

  /** /recurring: every rule with its next date, and a row of buttons per rule. */
  async command(user: User): Promise<InlineReply> {
    const t = RECURRING_TEXTS[user.language];
    const views = await this.recurring.all(user.id);
    if (!views.length) return { text: t.empty };
    const lines = views.map((v, i) => `${i + 1}. ${ruleLine(user.language, v.rule, v.nextDate)}`);
    return {
      text: [t.listTitle, ...lines].join('\n'),
      markup: { inline_keyboard: views.map((v, i) => ruleButtons(user.language, v.rule, `${i + 1}.`)) },
    };
  }

  /**
   * A rule the user said (the parser's intent set_recurring): made at once and shown with its timing and next date,
   * or, without an amount, the amount is asked for and the rule is made from the answer.
   */
  async fromPhrase(user: User, draft: RecurringDraft, now: Date): Promise<InlineReply> {
    const t = RECURRING_TEXTS[user.language];
    const outcome = await this.recurring.createFromBot(user.id, draft);
    if (outcome.kind === 'created') return this.created(user, outcome.view);
    const { amountMinor: _none, ...rest } = draft;
    await this.sessions.setState(user, {
      awaiting: 'recurring_amount',
      id: randomUUID(),
      askedAt: now.toISOString(),
      currency: draft.currency,
      draft: rest,
    } satisfies RecurringAmountState);
    return { text: t.howMuchNew(ruleName(user.language, { ...draft, description: draft.description })) };
  }

  /**
   * After a record (docs/recurring.md, "Noticing patterns"): the offer to make a monthly pattern recurring, as a
   * second message, or null when the rows complete none (or it was offered before).
   */
  async offerAfterRecord(user: User, rows: Transaction[], now: Date): Promise<InlineReply | null> {
    const offer = await this.recurring.offerFor(user.id, rows, now, user.timezone);
    return offer ? this.offerReply(user, offer) : null;
  }

  /** "🔁 Похоже, «аренда» каждый месяц ~3,000,000.00 UZS около 1 числа. Сделать регулярным?" ✅ Да · ✖ Нет */
  offerReply(user: User, offer: PatternOffer): { text: string; markup: InlineKeyboardMarkup } {
    return { text: offerText(user.language, offer), markup: offerKeyboard(user.language, offer.id) };
  }

  /** The buttons (callback_data r…:). */
  async onCallback(user: User, press: CallbackInput): Promise<CallbackReply> {
    const t = RECURRING_TEXTS[user.language];
    const action = decodeRecurring(press.data);
    if (!action) return { answer: { text: t.gone } };
    switch (action.kind) {
      case 'offer': {
        if (!action.accept) {
          if (!(await this.recurring.declineOffer(user.id, action.offerId)))
            return { answer: { text: t.offerGone }, edit: {} };
          return { answer: { text: t.offerNoButton }, edit: { text: t.offerDeclined } };
        }
        const outcome = await this.recurring.acceptOffer(user.id, action.offerId);
        if (outcome.kind === 'not_found') return { answer: { text: t.offerGone }, edit: {} };
        if (outcome.kind === 'failed') return { answer: { text: t.failed, alert: true } };
        const created = this.created(user, outcome.view);
        return { answer: { text: t.created }, edit: { text: created.text, markup: created.markup } };
      }
      case 'record':
      case 'skip': {
        let outcome: AnswerOutcome;
        try {
          outcome =
            action.kind === 'record'
              ? await this.recurring.record(user.id, action.occurrenceId)
              : await this.recurring.skip(user.id, action.occurrenceId);
        } catch (error) {
          // no longer recordable (the household left, the category deleted): say so, the ask stays
          if (error instanceof DomainError && error.code === 'validation')
            return { answer: { text: t.failed, alert: true } };
          throw error;
        }
        if (outcome.kind === 'not_found') return { answer: { text: t.gone, alert: true }, edit: {} };
        if (outcome.kind === 'done') return { answer: { text: t.done }, edit: {} };
        const text =
          outcome.kind === 'recorded'
            ? `${recordedText(user.language, outcome.rule, outcome.amountMinor)} (${displayDate(outcome.date)})`
            : t.skipped(
                `${ruleMoney(user.language, outcome.rule, outcome.rule.amount)} (${displayDate(outcome.date)})`,
              );
        return { answer: { text: text.split(':')[0] }, edit: { text } };
      }
      case 'other_amount': {
        const found = await this.recurring.findOccurrence(user.id, action.occurrenceId);
        if (!found) return { answer: { text: t.gone, alert: true } };
        if (found.occurrence.status !== 'asked') return { answer: { text: t.done } };
        await this.sessions.setState(user, {
          awaiting: 'recurring_amount',
          id: randomUUID(),
          askedAt: this.recurring.now().toISOString(),
          currency: found.rule.currency,
          occurrenceId: found.occurrence.id,
        } satisfies RecurringAmountState);
        return {
          answer: { text: t.otherButton },
          reply: { kind: 'text', text: t.howMuch(ruleName(user.language, found.rule)) },
        };
      }
      case 'toggle_pause': {
        let view: RecurringView;
        try {
          const { rule } = await this.recurring.getOwned(user.id, action.ruleId);
          view = await this.recurring.update(user.id, rule.id, { paused: !rule.paused });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'not_found')
            return { answer: { text: t.gone, alert: true } };
          throw error;
        }
        const list = await this.command(user);
        return {
          answer: { text: view.rule.paused ? t.pausedToast : t.resumedToast },
          edit: { text: list.text, markup: list.markup },
        };
      }
      case 'edit': {
        let view: RecurringView;
        try {
          view = await this.recurring.getOwned(user.id, action.ruleId);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'not_found')
            return { answer: { text: t.gone, alert: true } };
          throw error;
        }
        await this.askEdit(user, view.rule);
        return {
          answer: { text: t.editButton },
          reply: { kind: 'text', text: editAskText(user.language, view.rule) },
        };
      }
      case 'delete': {
        if (!(await this.recurring.deleteOwned(user.id, action.ruleId)))
          return { answer: { text: t.gone, alert: true } };
        const list = await this.command(user);
        return { answer: { text: t.deletedToast }, edit: { text: list.text, markup: list.markup } };
      }
    }
  }

  /**
   * A message while the bot waits for a recurring amount: a bare amount ("3 млн", "250000") answers it; anything
   * else drops the question and is read as usual (null). After ✏️ under a rule, a day may come with the amount or
   * alone ("4 млн, день: 15"); a value the rule cannot take is said and asked again.
   */
  async onText(user: User, text: string, now: Date): Promise<InlineReply | null> {
    const state = readState(await this.sessions.getState(user), now);
    if (!state) return null;
    if (state.ruleId) return this.onEditAnswer(user, state, state.ruleId, text, now);
    const parsed = parsePhrase(text, {
      language: /\p{L}/u.test(text) ? 'auto' : user.language,
      defaultCurrency: state.currency as Currency,
      now,
      timeZone: user.timezone,
    });
    const amount = bareAmount(parsed);
    if (!(await this.sessions.clearStateIf(user, state.id))) return null;
    if (!amount) return null;
    const t = RECURRING_TEXTS[user.language];
    if (state.draft) {
      const outcome = await this.recurring.createFromBot(user.id, {
        ...state.draft,
        amountMinor: amount.amountMinor,
        currency: amount.currency as Currency,
      });
      return outcome.kind === 'created' ? this.created(user, outcome.view) : { text: t.failed };
    }
    const outcome = await this.recurring.record(user.id, state.occurrenceId!, amount.amountMinor);
    if (outcome.kind === 'recorded')
      return {
        text: `${recordedText(user.language, outcome.rule, outcome.amountMinor)} (${displayDate(outcome.date)})`,
        effect: { kind: 'action' },
      };
    return { text: outcome.kind === 'not_found' ? t.gone : t.done };
  }

  /** Waits for the new amount (and day) of `rule` in the next message. */
  private async askEdit(user: User, rule: RecurringView['rule']): Promise<void> {
    await this.sessions.setState(user, {
      awaiting: 'recurring_amount',
      id: randomUUID(),
      askedAt: this.recurring.now().toISOString(),
      currency: rule.currency,
      ruleId: rule.id,
    } satisfies RecurringAmountState);
  }

  /**
   * The answer after ✏️ under a rule: the change goes through RecurringService.update (the checks of PATCH
   * /api/recurring/{id}/); the rule's currency stays unless the answer names another.
   */
  private async onEditAnswer(
    user: User,
    state: RecurringAmountState,
    ruleId: string,
    text: string,
    now: Date,
  ): Promise<InlineReply | null> {
    const { amountText, day } = splitEditAnswer(text);
    let amount: { amountMinor: bigint; currency: string } | null = null;
    if (amountText) {
      amount = bareAmount(
        parsePhrase(amountText, {
          language: /\p{L}/u.test(amountText) ? 'auto' : user.language,
          defaultCurrency: state.currency as Currency,
          now,
          timeZone: user.timezone,
        }),
      );
      if (!amount) {
        await this.sessions.clearStateIf(user, state.id);
        return null;
      }
    } else if (day === null) return null;
    if (!(await this.sessions.clearStateIf(user, state.id))) return null;
    const t = RECURRING_TEXTS[user.language];
    let view: RecurringView;
    try {
      view = await this.recurring.update(user.id, ruleId, {
        ...(amount && { amountMinor: amount.amountMinor, currency: amount.currency as Currency }),
        ...(day !== null && { day }),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'not_found') return { text: t.gone };
      if (error.code !== 'validation') throw error;
      // a day or an amount the rule cannot take: asked again (the rule is as it was); anything else (its custom
      // category deleted, the household left) is said once
      if (!error.fields?.day && !error.fields?.amount) return { text: t.editFailed };
      const { rule } = await this.recurring.getOwned(user.id, ruleId);
      await this.askEdit(user, rule);
      return { text: error.fields.day ? t.editBadDay(rule.every) : t.editBadAmount };
    }
    return {
      text: `${t.edited} ${ruleLine(user.language, view.rule, view.nextDate)}`,
      markup: { inline_keyboard: [ruleButtons(user.language, view.rule)] },
      effect: { kind: 'action' },
    };
  }

  private created(user: User, view: RecurringView): InlineReply {
    const t = RECURRING_TEXTS[user.language];
    const markup: InlineKeyboardMarkup = { inline_keyboard: [ruleButtons(user.language, view.rule)] };
    return {
      text: `${t.created} ${ruleMoney(user.language, view.rule, view.rule.amount)} — ${timingText(user.language, view.rule)}, ${t.next(displayDate(view.nextDate))}`,
      markup,
      effect: { kind: 'action' },
    };
  }
}
