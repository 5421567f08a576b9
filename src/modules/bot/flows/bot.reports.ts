import { Injectable, Logger } from '@nestjs/common';
import { localDate } from '../../../common/time/local-time';
import { localToday, readStatsPeriod, saysHouseholdWallet } from '../../nlu';
import { TELEGRAM_CAPTION_LIMIT } from '../../../common/text/message-limit';
import { ForecastService } from '../../forecast/forecast.service';
import { isDatabaseUnavailable } from '../../../common/errors/domain-error';
import { forecastBlock } from '../../forecast/forecast.texts';
import { HouseholdsService } from '../../households/households.service';
import { householdChartModel, householdSummaryText } from '../../stats/household.texts';
import { walletTexts } from '../texts/wallet.texts';
import { PrivacyService } from '../../privacy/privacy.service';
import { chartModel, STATS_TEXTS, summaryText } from '../../stats/stats.texts';
import { StatsChart } from '../../stats/stats.chart';
import { namedPeriod, StatsRange, toRange } from '../../stats/stats.period';
import { StatsService } from '../../stats/stats.service';
import { TransactionsService } from '../../transactions/transactions.service';
import { User } from '../../users/user.entity';
import { decodeReport } from '../keyboards/callback-data';
import { deleteKeyboard, periodKeyboard } from '../keyboards/reports.keyboards';
import type { CallbackReply, FileReply } from '../replies';

/** The family words of "/stats семья неделя", taken out before the period is read. */
const FAMILY_WORD_RE = /\S*(семь|семей|oila|оила|famil)\S*/giu;

/** A /deletemydata confirmation button is valid this long after it was asked. */
export const DELETE_CONFIRM_SECONDS = 600;

export interface ReportCallbackInput {
  data: string;
  /** When the button was pressed. */
  at?: Date;
}

/** /stats, /export and /deletemydata: the bot's use cases around statistics and the user's own data. */
@Injectable()
export class BotReportsService {
  private readonly logger = new Logger(BotReportsService.name);

  constructor(
    private readonly statsService: StatsService,
    private readonly chart: StatsChart,
    private readonly transactions: TransactionsService,
    private readonly privacy: PrivacyService,
    private readonly households: HouseholdsService,
    private readonly forecasts: ForecastService,
  ) {}

  /**
   * /stats [period]: the chart with the summary as its caption (this month by default), buttons for other periods.
   * "/stats семья" ("oila", "family"): the household's (docs/households.md, "Seeing it").
   */
  async stats(user: User, argument: string, now: Date = new Date()): Promise<FileReply> {
    this.logger.log(`Handled /stats: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    const family = saysHouseholdWallet(argument);
    const periodWords = family ? argument.replace(FAMILY_WORD_RE, ' ').trim() : argument;
    const period = readStatsPeriod(periodWords, now, user.timezone);
    if (!period)
      return {
        kind: 'text',
        text: STATS_TEXTS[user.language].unknownPeriod,
        markup: periodKeyboard(user.language),
      };
    return this.statsReply(user, toRange('custom', period, user.timezone), now, family);
  }

  async onCallback(user: User, input: ReportCallbackInput): Promise<CallbackReply> {
    const now = input.at ?? new Date();
    const t = STATS_TEXTS[user.language];
    const action = decodeReport(input.data);
    switch (action?.kind) {
      case 'stats':
        return {
          answer: { text: '' },
          reply: await this.statsReply(
            user,
            namedPeriod(action.period, now, user.timezone),
            now,
            action.family === true,
          ),
        };
      case 'delete_no':
        return { answer: { text: t.deleteCancelled }, edit: { text: t.deleteCancelled } };
      case 'delete_yes': {
        const age = Math.floor(now.getTime() / 1000) - action.askedAt;
        if (age < 0 || age > DELETE_CONFIRM_SECONDS)
          return { answer: { text: t.deleteExpired, alert: true }, edit: { text: t.deleteExpired } };
        await this.privacy.eraseUser(user.id);
        this.logger.log(`Data deleted: chat_id=${user.telegramChatId}, user_id=${user.id}`);
        return { answer: { text: t.deleted }, edit: { text: t.deleted } };
      }
      case undefined:
        return { answer: { text: '' } };
    }
  }

  /** /export: every transaction as a CSV document. */
  async exportCsv(user: User, now: Date = new Date()): Promise<FileReply> {
    const counter = { rows: 0 };
    const chunks: string[] = [];
    for await (const chunk of this.transactions.exportCsv(user.id, {}, user.timezone, user.language, counter))
      chunks.push(chunk);
    this.logger.log(
      `Handled /export: chat_id=${user.telegramChatId}, user_id=${user.id}, rows=${counter.rows}`,
    );
    const t = STATS_TEXTS[user.language];
    if (!counter.rows) return { kind: 'text', text: t.exportEmpty };
    return {
      kind: 'document',
      document: Buffer.from(chunks.join(''), 'utf8'),
      filename: `ovozpay-transactions-${localDate(now, user.timezone)}.csv`,
      caption: t.exportCaption(counter.rows),
    };
  }

  /** /deletemydata: asks first, with a confirm button and a cancel button. */
  deleteAsk(user: User, now: Date = new Date()): FileReply {
    this.logger.log(`Handled /deletemydata: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    const t = STATS_TEXTS[user.language];
    return {
      kind: 'text',
      text: t.deleteConfirm,
      markup: deleteKeyboard(user.language, now),
    };
  }

  /**
   * The /stats answer: the user's records, or (`family`) the household's from every member with each member's
   * expenses; for someone in a household the buttons switch between the two. Someone in none asking for the family's
   * gets a short hint.
   */
  private async statsReply(user: User, range: StatsRange, now: Date, family = false): Promise<FileReply> {
    const household = await this.households.householdOf(user.id);
    if (family && !household) return { kind: 'text', text: walletTexts(user.language).noFamilyStats };
    const wallet = family && household ? { householdId: household.id } : undefined;
    const summary = await this.statsService.summary(user.id, user.language, { range }, wallet);
    const year = localToday(now, user.timezone).y;
    const forecast = await this.forecastBlock(user, range, now, Boolean(wallet));
    const limit = TELEGRAM_CAPTION_LIMIT - (forecast ? forecast.length + 2 : 0);
    const text = wallet
      ? householdSummaryText(user.language, household!.name, summary, year, limit)
      : summaryText(user.language, summary, year, limit);
    const caption = forecast ? `${text}\n\n${forecast}` : text;
    const markup = periodKeyboard(user.language, household ? { family: Boolean(wallet) } : undefined);
    if (!summary.byCategory.length) return { kind: 'text', text: caption, markup };
    const model = wallet
      ? householdChartModel(user.language, household!.name, summary, year)
      : chartModel(user.language, summary, year);
    return {
      kind: 'photo',
      photo: this.chart.png(model),
      filename: `stats-${range.from}.png`,
      caption,
      markup,
    };
  }

  /** The month-end forecast's line (docs/forecast.md), only when the period shown is the current month. */
  private async forecastBlock(
    user: User,
    range: StatsRange,
    now: Date,
    family: boolean,
  ): Promise<string | null> {
    const month = namedPeriod('month', now, user.timezone);
    if (range.from !== month.from || range.to !== month.to) return null;
    try {
      const f = await this.forecasts.ofUser(user.id, family ? 'household' : undefined, user.language, now);
      return forecastBlock(user.language, f);
    } catch (error) {
      // The statistics stand without the forecast; a database outage still fails the update (retried).
      if (isDatabaseUnavailable(error)) throw error;
      this.logger.error(`Forecast not computed: user_id=${user.id}: ${(error as Error).message}`);
      return null;
    }
  }
}
