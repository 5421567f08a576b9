/** Where exchange rates come from (the Central Bank of Uzbekistan in production, a fake server in tests). */

/** One quoted rate: `rate` UZS (exact decimal text) per `nominal` units of `currency`. */
export interface QuotedRate {
  currency: string;
  rate: string;
  nominal: number;
}

/** A day's list of rates as the source reports it. */
export interface RateList {
  /** YYYY-MM-DD: the date the source says these rates are for. */
  date: string;
  rates: QuotedRate[];
}

export interface RatesSource {
  /** The list for `date` (YYYY-MM-DD), or today's list when `date` is omitted. Throws when it cannot be had. */
  fetch(date?: string): Promise<RateList>;
}

export const RATES_SOURCE = Symbol('RATES_SOURCE');
