import { Inject, Injectable } from '@nestjs/common';
import { localDate } from '../../common/time/local-time';
import type { Language } from '../../config/app-config';
import { BudgetsService } from '../budgets/budgets.service';
import { budgetName } from '../budgets/budgets.texts';
import { CategoriesService } from '../categories/categories.service';
import { HouseholdsService } from '../households/households.service';
import { RatesService } from '../rates/rates.service';
import { RecurringService } from '../recurring/recurring.service';
import { CLOCK, type Clock } from '../../common/time/clock';
import { TransactionsService } from '../transactions/transactions.service';
import type { Wallet } from '../transactions/wallet';
import { UsersService } from '../users/users.service';
import { forecast, Forecast, ForecastBudget, ForecastRule } from './forecast';
import { forecastTexts } from './forecast.texts';

/**
 * The month-end forecast of a user's wallet (docs/forecast.md): gathers today's balance, the recurring rules and the
 * budgets of the wallet, and today's bank rates, and hands them to the pure `forecast`.
 */
@Injectable()
export class ForecastService {
  constructor(
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly transactions: TransactionsService,
    private readonly recurring: RecurringService,
    private readonly budgets: BudgetsService,
    private readonly categories: CategoriesService,
    private readonly rates: RatesService,
    // the clock shared with recurring payments, so that tests move both together
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Absent wallet: every record the user made, their personal rules and budgets; personal: the same over their
   * own wallet's records; household: the household's records, its members' household rules and its budgets
   * (nothing for someone in no household). In the user's currency, in their time zone; `now`: the moment asked
   * about (the bot passes the message's time; budgets are read at their own clock, the same moment in production).
   */
  async ofUser(
    userId: string,
    wallet?: Wallet,
    lang?: Language,
    now: Date = this.clock.now(),
  ): Promise<Forecast> {
    const user = await this.users.getById(userId);
    const language = lang ?? user.language;
    const today = localDate(now, user.timezone);
    const currency = user.currency;
    const householdId =
      wallet === 'household' ? ((await this.households.walletMembership(userId))?.householdId ?? null) : null;
    const outside = wallet === 'household' && householdId === null;

    const scope = await this.transactions.walletScope(userId, wallet);
    const summary = outside ? null : await this.transactions.balanceSummary(userId, currency, scope);
    const balanceMinor = outside ? 0n : (summary!.converted?.balanceMinor ?? null);

    const views = outside
      ? []
      : await this.recurring.inWallet(householdId ? { householdId } : { userId }, user.timezone, now);
    const names = await this.categories.nameResolver(
      userId,
      language,
      views.map((v) => v.rule.category),
    );
    const rules: ForecastRule[] = views.map(({ rule, nextDate }) => ({
      type: rule.type,
      amountMinor: rule.amount,
      currency: rule.currency,
      category: rule.category,
      label: rule.description || names(rule.category),
      every: rule.every,
      day: rule.day,
      paused: rule.paused,
      nextDate,
    }));

    const lines = outside
      ? []
      : (await this.budgets.list(userId)).filter(
          (l) => l.wallet === (householdId ? 'household' : 'personal'),
        );
    const budgets: ForecastBudget[] = lines.map((l) => ({
      // budgetName gives "☕ Кафе": the label is the name without its emoji
      label: budgetName(language, l).replace(/^\S+\s/, ''),
      category: l.category,
      period: l.period,
      currency: l.currency,
      amountMinor: l.amountMinor,
      remainingMinor: l.remainingMinor,
    }));

    const others = [...new Set([...rules.map((r) => r.currency), ...budgets.map((b) => b.currency)])].filter(
      (c) => c !== currency,
    );
    // one look-up of today's bank rates (the latest published when today's are not out) for every other currency
    const table = others.length
      ? await this.rates.ratesFor([...others, currency], this.rates.today(now), now)
      : { rates: new Map() };
    return forecast({
      today,
      currency,
      balanceMinor,
      balanceLabel: forecastTexts(language).balance,
      rules,
      budgets,
      rates: table?.rates ?? null,
    });
  }
}
