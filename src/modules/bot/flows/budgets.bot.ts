import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../common/errors/domain-error';
import { type Currency, isCurrency } from '../../../common/money';
import type { BudgetPeriod } from '../../budgets/budget.entity';
import { BudgetsService, DUPLICATE_BUDGET } from '../../budgets/budgets.service';
import { FOOD } from '../../budgets/budget-status';
import {
  budgetCreatedText,
  budgetHowMuchText,
  budgetLinesText,
  budgetListText,
  budgetName,
  budgetTexts,
} from '../../budgets/budgets.texts';
import { HouseholdsService } from '../../households/households.service';
import { parsePhrase } from '../../nlu';
import type { BudgetPhrase, BudgetQuery } from '../../nlu/nlu.types';
import { NOT_IN_HOUSEHOLD, type Wallet } from '../../transactions/wallet';
import type { User } from '../../users/user.entity';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import {
  budgetCategoryKeyboard,
  budgetPeriodKeyboard,
  budgetsKeyboard,
  budgetWalletKeyboard,
} from '../keyboards/budgets.keyboards';
import { BUDGET_BUTTON_CATEGORIES, decodeBudgetDelete, decodeBudgetNew } from '../keyboards/callback-data';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';
import { bareAmount, PENDING_TTL_MS } from './pending-amount';

/** A budget said in a phrase (intent set_budget), as the parser gives it. */
export interface BotBudget {
  /** An expense key, "food", or null: all spending. */
  category: string | null;
  amountMinor: bigint;
  /** Absent: the user's currency. */
  currency?: Currency;
  period: BudgetPeriod;
  wallet: Wallet;
}

/** The parser's category of a budget phrase as a budget key: food (groceries and cafe) is "food". */
export function budgetKeyOf(phrase: Pick<BudgetPhrase, 'category' | 'categories'>): string | null {
  const c = phrase.categories;
  if (c && c.length === 2 && c.includes('groceries') && c.includes('cafe')) return FOOD;
  return phrase.category;
}

/**
 * The amount the bot waits for after ➕ New budget's buttons (bot_sessions.state): the budget chosen, without its
 * amount. /cancel forgets it (BotService.cancel clears any state).
 */
interface BudgetAmountState {
  awaiting: 'budget_amount';
  id: string;
  askedAt: string;
  /** The user's currency when asked: the answer's currency unless it names another. */
  currency: string;
  category: string | null;
  period: BudgetPeriod;
  wallet: Wallet;
}

function readState(state: unknown, now: Date): BudgetAmountState | null {
  const s = state as Partial<BudgetAmountState> | null;
  if (!s || typeof s !== 'object' || s.awaiting !== 'budget_amount' || typeof s.id !== 'string') return null;
  const at = Date.parse(String(s.askedAt));
  if (Number.isNaN(at) || now.getTime() - at > PENDING_TTL_MS || !isCurrency(s.currency)) return null;
  if (s.category === undefined || !BUDGET_BUTTON_CATEGORIES.includes(s.category)) return null;
  if ((s.period !== 'month' && s.period !== 'week') || (s.wallet !== 'personal' && s.wallet !== 'household'))
    return null;
  return s as BudgetAmountState;
}

/**
 * Budgets in the bot (docs/budgets.md): /budget lists them with progress and a ✖ button each, and ➕ New budget
 * (category → period → for a household member family or personal → the amount in the next message); a budget said in
 * a phrase is created here. Plain values in, replies out.
 */
@Injectable()
export class BudgetsBot {
  private readonly logger = new Logger(BudgetsBot.name);

  constructor(
    private readonly budgets: BudgetsService,
    private readonly households: HouseholdsService,
    private readonly sessions: BotSessionsRepository,
  ) {}

  /** /budget */
  async command(user: User): Promise<InlineReply> {
    this.logger.log(`Handled /budget: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.view(user);
  }

  /** A parsed "лимит на кафе 500 тыс в месяц": the new budget, or why not (a duplicate, no household, a bad key). */
  fromPhrase(user: User, budget: BotBudget): Promise<InlineReply> {
    return this.create(user, budget, false);
  }

  /** Creates `budget`; the reply is the created line (then the list's text too with `withList`) and the list's buttons. */
  private async create(user: User, budget: BotBudget, withList: boolean): Promise<InlineReply> {
    const t = budgetTexts(user.language);
    try {
      const line = await this.budgets.createFromBot(user.id, {
        ...budget,
        currency: budget.currency ?? (user.currency as Currency),
      });
      const list = await this.view(user);
      const created = budgetCreatedText(user.language, line);
      return {
        text: withList ? `${created}\n\n${list.text}` : created,
        markup: list.markup,
        effect: { kind: 'action' },
      };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
      if (error.message === DUPLICATE_BUDGET) return { text: t.duplicate };
      if (error.message === NOT_IN_HOUSEHOLD) return { text: t.notInHousehold };
      if (error.fields?.category) return { text: t.badCategory };
      throw error;
    }
  }

  /** The parser's set_budget ("лимит на кафе 500 тыс в месяц", "семейный лимит на продукты 4 млн"): fromPhrase. */
  fromParsed(user: User, phrase: BudgetPhrase): Promise<InlineReply> {
    return this.fromPhrase(user, {
      category: budgetKeyOf(phrase),
      amountMinor: phrase.amountMinor,
      currency: phrase.currency,
      period: phrase.period,
      wallet: phrase.wallet ?? 'personal',
    });
  }

  /**
   * The parser's budget_query ("сколько осталось по лимиту на кафе"): what is left of the budgets asked about — the
   * named category's (the household's with "семейный"), or with no category the overall budget, else every budget.
   */
  async whatIsLeft(user: User, query: BudgetQuery): Promise<InlineReply> {
    const all = await this.budgets.list(user.id);
    const key = budgetKeyOf(query);
    const inWallet = query.wallet ? all.filter((l) => l.wallet === 'household') : all;
    const overall = inWallet.filter((l) => l.category === null);
    const picked =
      key !== null ? inWallet.filter((l) => l.category === key) : overall.length ? overall : inWallet;
    if (!picked.length) return { text: budgetTexts(user.language).noSuchBudget };
    return { text: budgetLinesText(user.language, picked) };
  }

  /**
   * A press under /budget: ➕ New budget's steps (newBudgetStep), or ✖, which deletes the budget and then shows the
   * list as it is now (also when it was already gone).
   */
  async onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    const t = budgetTexts(user.language);
    if (!input.data?.startsWith('bx:')) return this.newBudgetStep(user, input);
    const id = decodeBudgetDelete(input.data);
    let answer: CallbackReply['answer'] = { text: t.gone, alert: true };
    if (id) {
      try {
        await this.budgets.delete(user.id, id);
        answer = { text: t.deleted };
        this.logger.log(
          `Budget deleted from the bot: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}`,
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      }
    }
    const view = await this.view(user);
    return { answer, edit: { text: view.text, markup: view.markup } };
  }

  /**
   * ➕ New budget, one press at a time; the choices so far travel in the buttons' data, so nothing is stored until
   * the amount is asked for. A press the codec does not know, or 👨‍👩‍👧 Семья after leaving the household: a short
   * alert, nothing changes.
   */
  private async newBudgetStep(user: User, input: CallbackInput): Promise<CallbackReply> {
    const lang = user.language;
    const t = budgetTexts(lang);
    const action = decodeBudgetNew(input.data);
    if (!action) return { answer: { text: t.stale, alert: true } };
    switch (action.kind) {
      case 'start':
        return { answer: { text: '' }, edit: { text: t.pickCategory, markup: budgetCategoryKeyboard(lang) } };
      case 'category': {
        const name = budgetName(lang, { category: action.category, customName: null });
        return {
          answer: { text: '' },
          edit: { text: t.pickPeriod(name), markup: budgetPeriodKeyboard(lang, action.category) },
        };
      }
      case 'period': {
        if (await this.households.walletMembership(user.id)) {
          const name = budgetName(lang, { category: action.category, customName: null });
          return {
            answer: { text: '' },
            edit: {
              text: t.pickWallet(name),
              markup: budgetWalletKeyboard(lang, action.category, action.period),
            },
          };
        }
        return this.askAmount(user, { category: action.category, period: action.period, wallet: 'personal' });
      }
      case 'wallet':
        if (action.wallet === 'household' && !(await this.households.walletMembership(user.id)))
          return { answer: { text: t.notInHousehold, alert: true } };
        return this.askAmount(user, action);
    }
  }

  /** Waits for the amount in the next message; the message with the buttons becomes the question. */
  private async askAmount(
    user: User,
    budget: { category: string | null; period: BudgetPeriod; wallet: Wallet },
  ): Promise<CallbackReply> {
    await this.sessions.setState(user, {
      awaiting: 'budget_amount',
      id: randomUUID(),
      askedAt: this.budgets.now().toISOString(),
      currency: user.currency,
      category: budget.category,
      period: budget.period,
      wallet: budget.wallet,
    } satisfies BudgetAmountState);
    return { answer: { text: '' }, edit: { text: budgetHowMuchText(user.language, budget) } };
  }

  /**
   * A message while ➕ New budget waits for the amount: a bare amount ("500 тыс", "2 mln", "$300") creates the budget
   * (its currency the one named, else the user's), answered with the new budget and the list; a refusal (a
   * duplicate, the household left) is said as for a phrase. Anything else drops the question and is read as usual
   * (null), as the other flows' questions do: "такси 20000" is recorded, not lost. (The parser reads no amount
   * larger than a budget can take.)
   */
  async onText(user: User, text: string, now: Date): Promise<InlineReply | null> {
    const state = readState(await this.sessions.getState(user), now);
    if (!state) return null;
    const amount = bareAmount(
      parsePhrase(text, {
        language: /\p{L}/u.test(text) ? 'auto' : user.language,
        defaultCurrency: state.currency as Currency,
        now,
        timeZone: user.timezone,
      }),
    );
    if (!(await this.sessions.clearStateIf(user, state.id))) return null;
    if (!amount) return null;
    return this.create(
      user,
      {
        category: state.category,
        period: state.period,
        wallet: state.wallet,
        ...amount,
        currency: amount.currency as Currency,
      },
      true,
    );
  }

  private async view(user: User): Promise<InlineReply> {
    const lines = await this.budgets.list(user.id);
    return { text: budgetListText(user.language, lines), markup: budgetsKeyboard(user.language, lines) };
  }
}
