import { Inject, Injectable, Logger } from '@nestjs/common';
import { BASE_CURRENCY, convertMinor, parseRate, Rate, UNIT_RATE } from '../../common/money';
import { localDate } from '../../common/time/local-time';
import { RatesRepository } from './rates.repository';
import { RateList, RATES_SOURCE, RatesSource } from './rates.port';

/** The bank's day is Tashkent's. */
const BANK_TIME_ZONE = 'Asia/Tashkent';
/** After a successful fetch, the same day is not asked for again for this long (the bank publishes once a day). */
const FRESH_MS = 60 * 60 * 1000;
/** After a failed fetch, cached rates are used without asking again for this long. */
const FAILED_MS = 5 * 60 * 1000;

/** Rates (UZS per unit) of some currencies on one date. */
export interface RateTable {
  /** YYYY-MM-DD as the bank reports it. */
  date: string;
  rates: Map<string, Rate>;
}

/** An amount in another currency at the bank's rates of one date. */
export interface Conversion {
  amountMinor: bigint;
  /** YYYY-MM-DD: the bank date of the rates used. */
  date: string;
  /** UZS per unit of each non-UZS currency involved, `from` first. */
  rates: Array<{ currency: string; rate: Rate }>;
}

interface Attempt {
  /** The date the source reported (null: the fetch failed). */
  date: string | null;
  until: number;
}

/**
 * Exchange rates for conversions, cached in the database per bank date. A date's rates come from the cache when
 * complete; otherwise from the source (at most once an hour per wanted date, once every 5 minutes after a
 * failure); when the source fails, the newest complete cached date on or before the wanted date is used.
 * Nothing is fetched until a conversion actually needs a rate.
 */
@Injectable()
export class RatesService {
  private readonly logger = new Logger(RatesService.name);
  private readonly attempts = new Map<string, Attempt>();
  private readonly inFlight = new Map<string, Promise<Attempt>>();

  constructor(
    private readonly repo: RatesRepository,
    @Inject(RATES_SOURCE) private readonly source: RatesSource,
  ) {}

  /** Today's date for the bank (YYYY-MM-DD, Tashkent). */
  today(now: Date = new Date()): string {
    return localDate(now, BANK_TIME_ZONE);
  }

  /**
   * Rates of `currencies` (UZS itself is never asked for) for `wanted` (default: today), or null when no
   * complete set can be found.
   */
  async ratesFor(
    currencies: readonly string[],
    wanted: string = this.today(),
    now: Date = new Date(),
  ): Promise<RateTable | null> {
    const needed = [...new Set(currencies)].filter((c) => c !== 'UZS').sort();
    if (!needed.length) return { date: wanted, rates: new Map() };

    const exact = this.complete(await this.repo.onDate(wanted, needed), needed);
    if (exact) return exact;

    const attempt = await this.attempt(wanted, now);
    if (attempt.date) {
      const fetched = this.complete(await this.repo.onDate(attempt.date, needed), needed);
      if (fetched) return fetched;
    }
    const fallback = await this.repo.newestCompleteOnOrBefore(wanted, needed);
    return fallback ? this.complete(await this.repo.onDate(fallback, needed), needed) : null;
  }

  /**
   * `amountMinor` of `from` in `to` through UZS at the bank's rates of `wanted` (default: today; an older cached day
   * when the bank does not answer), rounded half-up once. Null when no rate can be had.
   */
  async convert(
    amountMinor: bigint,
    from: string,
    to: string,
    wanted: string = this.today(),
    now: Date = new Date(),
  ): Promise<Conversion | null> {
    const involved = [...new Set([from, to])].filter((c) => c !== BASE_CURRENCY);
    const table = await this.ratesFor(involved, wanted, now);
    if (!table) return null;
    const rateOf = (c: string) => (c === BASE_CURRENCY ? UNIT_RATE : table.rates.get(c)!);
    return {
      amountMinor: convertMinor(amountMinor, rateOf(from), rateOf(to)),
      date: table.date,
      rates: involved.map((currency) => ({ currency, rate: rateOf(currency) })),
    };
  }

  /** One fetch per wanted date at a time, remembered for a while. */
  private async attempt(wanted: string, now: Date): Promise<Attempt> {
    const known = this.attempts.get(wanted);
    if (known && known.until > now.getTime()) return known;
    let running = this.inFlight.get(wanted);
    if (!running) {
      running = this.fetchAndStore(wanted, now).finally(() => this.inFlight.delete(wanted));
      this.inFlight.set(wanted, running);
    }
    return running;
  }

  private async fetchAndStore(wanted: string, now: Date): Promise<Attempt> {
    let attempt: Attempt;
    try {
      const list: RateList = await this.source.fetch(wanted === this.today(now) ? undefined : wanted);
      await this.repo.save(list);
      this.logger.log(`CBU rates for ${list.date} cached: ${list.rates.length} currencies`);
      attempt = { date: list.date, until: now.getTime() + FRESH_MS };
    } catch (error) {
      this.logger.warn(
        `CBU rates for ${wanted} unavailable: ${(error as Error).message}; using cached rates`,
      );
      attempt = { date: null, until: now.getTime() + FAILED_MS };
    }
    this.attempts.set(wanted, attempt);
    return attempt;
  }

  private complete(list: RateList, needed: readonly string[]): RateTable | null {
    const rates = new Map<string, Rate>();
    for (const r of list.rates) {
      const rate = parseRate(r.rate, r.nominal);
      if (rate) rates.set(r.currency, rate);
    }
    return needed.every((c) => rates.has(c)) ? { date: list.date, rates } : null;
  }
}
