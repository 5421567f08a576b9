import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import type { Currency } from '../../../common/money';
import type { BudgetPeriod } from '../../budgets/budget.entity';
import { BudgetsService, DUPLICATE_BUDGET } from '../../budgets/budgets.service';
import { FOOD } from '../../budgets/budget-status';
import { budgetCreatedText, budgetLinesText, budgetListText, budgetTexts } from '../../budgets/budgets.texts';
import type { BudgetPhrase, BudgetQuery } from '../../nlu/nlu.types';
import { NOT_IN_HOUSEHOLD, type Wallet } from '../../transactions/wallet';
import type { User } from '../../users/user.entity';
import { budgetsKeyboard } from '../keyboards/budgets.keyboards';
import { decodeBudgetDelete } from '../keyboards/callback-data';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';

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
 * Budgets in the bot (docs/budgets.md): /budget lists them with progress and a ✖ button each; a budget said in a
 * phrase is created here. Plain values in, replies out.
 */
@Injectable()
export class BudgetsBot {
  private readonly logger = new Logger(BudgetsBot.name);

  constructor(private readonly budgets: BudgetsService) {}

  /** /budget */
  async command(user: User): Promise<InlineReply> {
    this.logger.log(`Handled /budget: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.view(user);
  }

  /** A parsed "лимит на кафе 500 тыс в месяц": the new budget, or why not (a duplicate, no household, a bad key). */
  async fromPhrase(user: User, budget: BotBudget): Promise<InlineReply> {
    const t = budgetTexts(user.language);
    try {
      const line = await this.budgets.createFromBot(user.id, {
        ...budget,
        currency: budget.currency ?? (user.currency as Currency),
      });
      const list = await this.view(user);
      return {
        text: budgetCreatedText(user.language, line),
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

  /** A ✖ press: deletes the budget, then shows the list as it is now (also when it was already gone). */
  async onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    const t = budgetTexts(user.language);
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

  private async view(user: User): Promise<InlineReply> {
    const lines = await this.budgets.list(user.id);
    return { text: budgetListText(user.language, lines), markup: budgetsKeyboard(user.language, lines) };
  }
}
