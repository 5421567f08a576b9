import { Injectable, Logger } from '@nestjs/common';
import { parseRate } from '../../common/money';
import { AppConfig } from '../../config/app-config';
import { QuotedRate, RateList, RatesSource } from './rates.port';

const TIMEOUT_MS = 5_000;
const RETRY_DELAY_MS = 300;

/** "28.11.2026" → "2026-11-28"; null for anything else. */
export function cbuDate(text: unknown): string | null {
  const m = typeof text === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim()) : null;
  if (!m) return null;
  const [, d, mo, y] = m;
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    probe.getUTCFullYear() !== Number(y) ||
    probe.getUTCMonth() !== Number(mo) - 1 ||
    probe.getUTCDate() !== Number(d)
  )
    return null;
  return `${y}-${mo}-${d}`;
}

/**
 * The bank's JSON (an array of `{"Ccy":"USD","Rate":"12741.19","Nominal":"1","Date":"28.11.2026", …}`) → a rate
 * list. Entries that do not parse are skipped; the list's date is the date most entries carry. Throws when
 * nothing usable is left. Rates stay decimal text: nothing goes through a float.
 */
export function parseCbuRates(body: unknown): RateList {
  if (!Array.isArray(body)) throw new Error('CBU rates: the response is not a JSON array');
  const byDate = new Map<string, QuotedRate[]>();
  for (const entry of body as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const currency = typeof e.Ccy === 'string' ? e.Ccy.trim().toUpperCase() : '';
    const rate =
      typeof e.Rate === 'string' ? e.Rate.trim() : typeof e.Rate === 'number' ? String(e.Rate) : '';
    const nominalText =
      typeof e.Nominal === 'string'
        ? e.Nominal.trim()
        : typeof e.Nominal === 'number'
          ? String(e.Nominal)
          : '1';
    const date = cbuDate(e.Date);
    if (!/^[A-Z]{3}$/.test(currency) || !date || !parseRate(rate, nominalText)) continue;
    const list = byDate.get(date) ?? [];
    list.push({ currency, rate, nominal: Number(nominalText) });
    byDate.set(date, list);
  }
  const [best] = [...byDate.entries()].sort((a, b) => b[1].length - a[1].length || b[0].localeCompare(a[0]));
  if (!best) throw new Error('CBU rates: no usable rate in the response');
  const seen = new Set<string>();
  return { date: best[0], rates: best[1].filter((r) => !seen.has(r.currency) && seen.add(r.currency)) };
}

/** The Central Bank of Uzbekistan (CBU_RATES_URL): today's list at the URL, a date's at `all/YYYY-MM-DD/`. */
@Injectable()
export class CbuRatesClient implements RatesSource {
  private readonly logger = new Logger(CbuRatesClient.name);

  constructor(private readonly config: AppConfig) {}

  async fetch(date?: string): Promise<RateList> {
    const base = this.config.cbuRatesUrl.endsWith('/')
      ? this.config.cbuRatesUrl
      : `${this.config.cbuRatesUrl}/`;
    const url = date ? `${base}all/${date}/` : base;
    try {
      return await this.fetchOnce(url);
    } catch (error) {
      this.logger.warn(`CBU rates: first attempt failed (${(error as Error).message}); retrying once`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      return this.fetchOnce(url);
    }
  }

  private async fetchOnce(url: string): Promise<RateList> {
    const res = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parseCbuRates(await res.json());
  }
}
