import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ExchangeRate } from './exchange-rate.entity';
import { QuotedRate, RateList } from './rates.port';

/** All SQL about the cached exchange rates. */
@Injectable()
export class RatesRepository {
  constructor(@InjectRepository(ExchangeRate) private readonly repo: Repository<ExchangeRate>) {}

  /** Stores (or refreshes) a day's list under the date the source reported. */
  async save(list: RateList): Promise<void> {
    if (!list.rates.length) return;
    await this.repo
      .createQueryBuilder()
      .insert()
      .into(ExchangeRate)
      .values(
        list.rates.map((r) => ({
          rateDate: list.date,
          currency: r.currency,
          rate: r.rate,
          nominal: r.nominal,
          fetchedAt: new Date(),
        })),
      )
      .orUpdate(['rate', 'nominal', 'fetched_at'], ['rate_date', 'currency'])
      .execute();
  }

  /** The rates of `currencies` stored for `date` (some may be missing). */
  async onDate(date: string, currencies: readonly string[]): Promise<RateList> {
    const rows: Array<{ currency: string; rate: string; nominal: number }> = await this.repo.query(
      `SELECT currency, rate::text AS rate, nominal FROM exchange_rates WHERE rate_date = $1 AND currency = ANY($2) ORDER BY currency`,
      [date, [...currencies]],
    );
    return {
      date,
      rates: rows.map((r): QuotedRate => ({
        currency: r.currency,
        rate: r.rate,
        nominal: Number(r.nominal),
      })),
    };
  }

  /** The newest date on or before `date` that has a rate for every one of `currencies`, or null. */
  async newestCompleteOnOrBefore(date: string, currencies: readonly string[]): Promise<string | null> {
    const rows: Array<{ date: string }> = await this.repo.query(
      `SELECT to_char(rate_date, 'YYYY-MM-DD') AS date
         FROM exchange_rates
        WHERE rate_date <= $1 AND currency = ANY($2)
        GROUP BY rate_date
       HAVING COUNT(DISTINCT currency) = $3
        ORDER BY rate_date DESC
        LIMIT 1`,
      [date, [...currencies], currencies.length],
    );
    return rows[0]?.date ?? null;
  }
}
