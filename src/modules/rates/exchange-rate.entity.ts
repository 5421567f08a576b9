import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One rate of the Central Bank of Uzbekistan: `rate` UZS per `nominal` units of `currency` on `rateDate`. */
@Entity({ name: 'exchange_rates' })
@Check('ck_exchange_rates_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_exchange_rates_rate_positive', `rate > 0`)
@Check('ck_exchange_rates_nominal_positive', `nominal > 0`)
@Index('ix_exchange_rates_currency_date', { synchronize: false }) // (currency, rate_date DESC)
export class ExchangeRate {
  /** YYYY-MM-DD, the date the bank reports. */
  @PrimaryColumn({ name: 'rate_date', type: 'date', primaryKeyConstraintName: 'pk_exchange_rates' })
  rateDate: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'pk_exchange_rates' })
  currency: string;

  /** Exact decimal text (pg returns numeric as a string). */
  @Column({ type: 'numeric', precision: 20, scale: 8 })
  rate: string;

  @Column({ type: 'integer', default: 1 })
  nominal: number;

  @Column({ name: 'fetched_at', type: 'timestamptz', default: () => 'now()' })
  fetchedAt: Date;
}
