import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { MAX_AMOUNT_MINOR } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { Debt } from '../../debts/debt.entity';
import { DebtsService } from '../../debts/debts.service';
import {
  debtRecordedText,
  debtsListText,
  debtTexts,
  debtTooLargeText,
  DebtView,
  repaidText,
} from '../../debts/debts.texts';
import { Goal } from '../../goals/goal.entity';
import { GoalsService, NewGoal } from '../../goals/goals.service';
import {
  contributedText,
  goalCreatedText,
  goalsListText,
  goalTexts,
  goalTooLargeText,
  GoalView,
} from '../../goals/goals.texts';
import { parseDebt, parseGoal, type DebtPhrase, type GoalPhrase } from '../../nlu/plans';
import { reminderBadTimeText, reminderOffText, reminderOnText } from '../../notifications/reminders.texts';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';
import {
  contributeKeyboard,
  debtsKeyboard,
  goalsKeyboard,
  repayKeyboard,
} from '../keyboards/plans.keyboards';
import { decodePlan, PlanAction } from '../keyboards/callback-data';

const goalView = (g: Goal): GoalView => ({
  title: g.title,
  targetMinor: g.targetAmount,
  savedMinor: g.savedAmount,
  currency: g.currency,
  deadline: g.deadline,
  status: g.status,
});

const debtView = (d: Debt): DebtView => ({
  direction: d.direction,
  counterparty: d.counterparty,
  amountMinor: d.amount,
  repaidMinor: d.repaidAmount,
  currency: d.currency,
  dueDate: d.dueDate,
});

const goalKeyData = (g: Goal) => ({
  id: g.id,
  currency: g.currency,
  targetMinor: g.targetAmount,
  savedMinor: g.savedAmount,
});
const debtKeyData = (d: Debt) => ({
  id: d.id,
  currency: d.currency,
  amountMinor: d.amount,
  repaidMinor: d.repaidAmount,
});

/** "/remind", "/remind on|off", "/remind 20:30" → what to do. */
export function readRemindArgument(arg: string): { on?: boolean; time?: string } | null {
  const a = arg.trim().toLowerCase();
  if (!a) return {};
  if (/^(on|вкл|включить|yoq|yoqish|да|yes)$/.test(a)) return { on: true };
  if (/^(off|выкл|выключить|o'chir|ochir|нет|no|stop)$/.test(a)) return { on: false };
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(a);
  if (m && Number(m[1]) <= 23 && Number(m[2]) <= 59)
    return { on: true, time: `${m[1].padStart(2, '0')}:${m[2]}` };
  return null;
}

/**
 * The bot's goals, debts and reminder settings: phrases ("цель: …", "дал в долг …", "Алишер вернул …"), the
 * /goals, /goal, /debts and /remind commands, and their inline buttons. Plain values in, replies out.
 */
@Injectable()
export class PlansBot {
  private readonly logger = new Logger(PlansBot.name);

  constructor(
    private readonly goals: GoalsService,
    private readonly debts: DebtsService,
    private readonly users: UsersService,
  ) {}

  /** The early branch of a text message: a goal or debt phrase gets its reply; anything else null (a transaction, …). */
  async onText(user: User, text: string, now: Date): Promise<InlineReply | null> {
    const options = { defaultCurrency: user.currency, now, timeZone: user.timezone };
    const debt = parseDebt(text, options);
    if (debt) {
      const reply = await this.debtPhrase(user, debt, text);
      if (reply) return reply;
    }
    const goal = parseGoal(text, options);
    return goal ? this.goalPhrase(user, goal) : null;
  }

  async goalsCommand(user: User, argument: string, now = new Date()): Promise<InlineReply> {
    if (argument.trim()) {
      const parsed = parseGoal(`goal: ${argument}`, {
        defaultCurrency: user.currency,
        now,
        timeZone: user.timezone,
      });
      const reply = parsed && (await this.goalPhrase(user, parsed));
      if (reply) return reply;
    }
    return this.goalsList(user);
  }

  async debtsCommand(user: User): Promise<InlineReply> {
    return this.debtsList(user);
  }

  /** /remind (toggle), /remind on|off, /remind 20:30. */
  async remindCommand(user: User, argument: string): Promise<InlineReply> {
    const arg = readRemindArgument(argument);
    if (!arg) return { text: reminderBadTimeText(user.language) };
    const on = arg.on ?? !user.dailyReminder;
    const updated = await this.users.setDailyReminder(user.id, on, arg.time);
    this.logger.log(`Daily reminder: user_id=${user.id}, on=${on}, time=${updated.reminderTime}`);
    return {
      text: on ? reminderOnText(updated.language, updated.reminderTime) : reminderOffText(updated.language),
    };
  }

  async onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    const action = decodePlan(input.data);
    if (!action) return { answer: { text: goalTexts(user.language).gone, alert: true } };
    this.logger.log(
      `Button: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, action=${action.kind}`,
    );
    try {
      return await this.callback(user, action);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const gone =
        action.kind === 'repay' || action.kind === 'debt' || action.kind === 'close'
          ? debtTexts(user.language).gone
          : goalTexts(user.language).gone;
      return {
        answer: {
          text: error.code === 'validation' ? (error.fields?.amount?.[0] ?? error.message) : gone,
          alert: true,
        },
      };
    }
  }

  /** Creates a goal and answers as a goal phrase does: the new goal and its ➕ button. */
  async createGoal(user: User, goal: NewGoal): Promise<InlineReply> {
    const created = await this.goals.create(user.id, goal);
    this.logger.log(`Goal created: user_id=${user.id}, goal_id=${created.id}`);
    return {
      text: goalCreatedText(user.language, goalView(created)),
      markup: goalsKeyboard(user.language, [created]),
    };
  }

  // -------------------------------------------------------------------------------------------------------------

  private async goalsList(user: User): Promise<InlineReply> {
    const goals = await this.goals.all(user.id);
    return {
      text: goalsListText(user.language, goals.map(goalView)),
      markup: goalsKeyboard(user.language, goals),
    };
  }

  private async debtsList(user: User): Promise<InlineReply> {
    const debts = await this.debts.open(user.id);
    return {
      text: debtsListText(user.language, debts.map(debtView)),
      markup: debtsKeyboard(user.language, debts),
    };
  }

  private async goalPhrase(user: User, phrase: GoalPhrase): Promise<InlineReply | null> {
    const lang = user.language;
    const t = goalTexts(lang);
    if (phrase.kind === 'goal_create') {
      if (!phrase.title) return { text: t.needTitle };
      if (phrase.amountMinor === null) return { text: t.needAmount };
      if (phrase.amountMinor > MAX_AMOUNT_MINOR) return { text: goalTooLargeText(lang) };
      return this.createGoal(user, {
        title: phrase.title,
        targetMinor: phrase.amountMinor,
        currency: phrase.currency,
        deadline: phrase.deadline,
      });
    }
    const active = (await this.goals.all(user.id)).filter((g) => g.status === 'active');
    let goal: Goal | undefined;
    if (!phrase.target) {
      if (!active.length) return { text: t.noGoals };
      if (active.length > 1) return { text: t.whichGoal, markup: goalsKeyboard(lang, active) };
      goal = active[0];
    } else {
      goal = (await this.goals.findByName(user.id, phrase.target)).find((g) => g.status === 'active');
      if (!goal)
        return phrase.explicit ? { text: active.length ? t.notFound(phrase.target) : t.noGoals } : null;
    }
    if (phrase.currency && phrase.currency !== goal.currency)
      return { text: t.currencyMismatch(goal.title, goal.currency) };
    return this.contribute(user, goal.id, phrase.amountMinor).then((r) => ({
      text: r.text,
      markup: r.markup,
      effect: { kind: 'action' },
    }));
  }

  private async contribute(user: User, goalId: string, amountMinor: bigint): Promise<InlineReply> {
    const { goal, completedNow } = await this.goals.contribute(user.id, goalId, amountMinor);
    return {
      text: contributedText(user.language, amountMinor, goalView(goal), completedNow),
      markup: goal.status === 'active' ? goalsKeyboard(user.language, [goal]) : undefined,
    };
  }

  private async debtPhrase(user: User, phrase: DebtPhrase, text: string): Promise<InlineReply | null> {
    const lang = user.language;
    const t = debtTexts(lang);
    if (phrase.kind === 'debt_create') {
      if (phrase.amountMinor === null) return { text: t.needAmount };
      if (phrase.amountMinor > MAX_AMOUNT_MINOR) return { text: debtTooLargeText(lang) };
      const debt = await this.debts.create(user.id, {
        direction: phrase.direction,
        counterparty: phrase.counterparty,
        amountMinor: phrase.amountMinor,
        currency: phrase.currency,
        dueDate: phrase.dueDate,
        description: text,
      });
      return {
        text: debtRecordedText(lang, debtView(debt)),
        markup: debtsKeyboard(lang, [debt]),
        effect: { kind: 'action' },
      };
    }
    const [debt] = await this.debts.findOpenByName(user.id, phrase.counterparty, phrase.direction);
    if (!debt) return null; // nobody by that name owes or is owed: read it as a transaction
    if (phrase.currency && phrase.currency !== debt.currency)
      return { text: t.currencyMismatch(debt.counterparty, debt.currency) };
    const left = debt.amount - debt.repaidAmount;
    if (phrase.amountMinor > left) return { text: t.tooMuch(DebtsService.remainingText(debt)) };
    const { debt: after, closedNow } = await this.debts.repay(user.id, debt.id, phrase.amountMinor);
    return {
      text: repaidText(lang, phrase.amountMinor, debtView(after), closedNow),
      markup: after.status === 'open' ? debtsKeyboard(lang, [after]) : undefined,
      effect: { kind: 'action' },
    };
  }

  private async callback(user: User, action: PlanAction): Promise<CallbackReply> {
    const lang: Language = user.language;
    const g = goalTexts(lang);
    const d = debtTexts(lang);
    switch (action.kind) {
      case 'goal': {
        const goal = await this.goals.getOwned(user.id, action.id);
        if (goal.status !== 'active') return { answer: { text: g.completed(goal.title) } };
        return {
          answer: { text: '' },
          edit: { text: g.chooseAmount(goal.title), markup: contributeKeyboard(lang, goalKeyData(goal)) },
        };
      }
      case 'contribute': {
        const reply = await this.contribute(user, action.id, action.amountMinor);
        return { answer: { text: '✅' }, edit: { text: reply.text, markup: reply.markup } };
      }
      case 'complete': {
        const { goal } = await this.goals.complete(user.id, action.id);
        const text = g.completed(goal.title);
        return { answer: { text }, edit: { text } };
      }
      case 'debt': {
        const debt = await this.debts.getOwned(user.id, action.id);
        if (debt.status !== 'open') return { answer: { text: d.gone, alert: true } };
        return {
          answer: { text: '' },
          edit: {
            text: d.chooseAmount(debt.counterparty, DebtsService.remainingText(debt)),
            markup: repayKeyboard(lang, debtKeyData(debt)),
          },
        };
      }
      case 'repay': {
        const { debt, closedNow } = await this.debts.repay(user.id, action.id, action.amountMinor);
        const text = repaidText(lang, action.amountMinor, debtView(debt), closedNow);
        return {
          answer: { text: '✅' },
          edit: { text, markup: debt.status === 'open' ? debtsKeyboard(lang, [debt]) : undefined },
        };
      }
      case 'close': {
        const { debt, changed } = await this.debts.close(user.id, action.id);
        if (!changed) return { answer: { text: d.gone, alert: true } };
        const text = d.closed(debt.counterparty);
        return { answer: { text }, edit: { text } };
      }
      case 'back': {
        const reply = action.list === 'goals' ? await this.goalsList(user) : await this.debtsList(user);
        return { answer: { text: '' }, edit: { text: reply.text, markup: reply.markup } };
      }
    }
  }
}
