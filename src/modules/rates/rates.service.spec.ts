import { RateList, RatesSource } from './rates.port';
import { RatesRepository } from './rates.repository';
import { RatesService } from './rates.service';

/** The cache as a map (date → list), with the repository's lookups. */
class MemoryRates {
  readonly lists = new Map<string, RateList>();
  save = async (list: RateList) => void this.lists.set(list.date, list);
  onDate = async (date: string, currencies: readonly string[]): Promise<RateList> => ({
    date,
    rates: (this.lists.get(date)?.rates ?? []).filter((r) => currencies.includes(r.currency)),
  });
  newestCompleteOnOrBefore = async (date: string, currencies: readonly string[]) =>
    [...this.lists.keys()]
      .filter(
        (d) => d <= date && currencies.every((c) => this.lists.get(d)!.rates.some((r) => r.currency === c)),
      )
      .sort()
      .at(-1) ?? null;
}

class ScriptedSource implements RatesSource {
  calls: Array<string | undefined> = [];
  next: Array<RateList | Error> = [];
  async fetch(date?: string): Promise<RateList> {
    this.calls.push(date);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answer = this.next.shift() ?? new Error('no answer scripted');
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

const NOW = new Date('2026-11-29T06:00:00Z'); // 11:00 in Tashkent
const usd = (date: string, rate = '12741.19'): RateList => ({
  date,
  rates: [{ currency: 'USD', rate, nominal: 1 }],
});

describe('RatesService', () => {
  let repo: MemoryRates;
  let source: ScriptedSource;
  let service: RatesService;
  beforeEach(() => {
    repo = new MemoryRates();
    source = new ScriptedSource();
    service = new RatesService(repo as unknown as RatesRepository, source);
  });

  it('asks nothing when only UZS is involved', async () => {
    expect(await service.ratesFor(['UZS'], '2026-11-29', NOW)).toEqual({
      date: '2026-11-29',
      rates: new Map(),
    });
    expect(source.calls).toEqual([]);
  });

  it("today's list comes from the base URL; concurrent callers share one fetch; then the cache answers", async () => {
    source.next = [usd('2026-11-28')];
    const [a, b] = await Promise.all([
      service.ratesFor(['USD'], '2026-11-29', NOW),
      service.ratesFor(['USD', 'UZS'], '2026-11-29', NOW),
    ]);
    expect(source.calls).toEqual([undefined]);
    expect(a?.date).toBe('2026-11-28');
    expect(b?.rates.get('USD')).toEqual({ num: 1274119n, den: 100n });
    expect((await service.ratesFor(['USD'], '2026-11-29', new Date(NOW.getTime() + 30 * 60_000)))?.date).toBe(
      '2026-11-28',
    );
    expect(source.calls).toHaveLength(1);
    // An hour later the bank is asked again.
    source.next = [usd('2026-11-29', '12750.00')];
    expect((await service.ratesFor(['USD'], '2026-11-29', new Date(NOW.getTime() + 61 * 60_000)))?.date).toBe(
      '2026-11-29',
    );
    expect(source.calls).toHaveLength(2);
  });

  it('another date is asked for by date; a cached complete date needs no fetch', async () => {
    source.next = [usd('2026-11-10')];
    expect((await service.ratesFor(['USD'], '2026-11-10', NOW))?.date).toBe('2026-11-10');
    expect(source.calls).toEqual(['2026-11-10']);
    expect((await service.ratesFor(['USD'], '2026-11-10', NOW))?.date).toBe('2026-11-10');
    expect(source.calls).toHaveLength(1);
  });

  it('a failure falls back to the newest complete cached date on or before the wanted one, and is remembered for 5 minutes', async () => {
    await repo.save(usd('2026-11-20'));
    await repo.save({ date: '2026-11-25', rates: [{ currency: 'EUR', rate: '14000.00', nominal: 1 }] });
    await repo.save(usd('2026-12-01'));
    source.next = [new Error('down')];
    expect((await service.ratesFor(['USD'], '2026-11-29', NOW))?.date).toBe('2026-11-20');
    expect(await service.ratesFor(['USD', 'EUR'], '2026-11-29', NOW)).toBeNull();
    expect(source.calls).toHaveLength(1);
    source.next = [usd('2026-11-29')];
    expect((await service.ratesFor(['USD'], '2026-11-29', new Date(NOW.getTime() + 6 * 60_000)))?.date).toBe(
      '2026-11-29',
    );
    expect(source.calls).toHaveLength(2);
  });

  describe('convert', () => {
    const list = (date: string): RateList => ({
      date,
      rates: [
        { currency: 'USD', rate: '12700.00', nominal: 1 },
        { currency: 'EUR', rate: '14000.00', nominal: 1 },
        { currency: 'RUB', rate: '1650.00', nominal: 10 },
      ],
    });
    it.each<[string, bigint, string, string, bigint]>([
      ['100 USD → UZS', 10_000n, 'USD', 'UZS', 127_000_000n],
      ['1 USD → UZS', 100n, 'USD', 'UZS', 1_270_000n],
      ['1,000,000 UZS → USD (78.74…)', 100_000_000n, 'UZS', 'USD', 7_874n],
      ['200 EUR → UZS', 20_000n, 'EUR', 'UZS', 280_000_000n],
      ['300 RUB (165 per 10) → UZS', 30_000n, 'RUB', 'UZS', 4_950_000n],
      ['100 USD → EUR through UZS (90.714…)', 10_000n, 'USD', 'EUR', 9_071n],
    ])('%s', async (_name, amount, from, to, expected) => {
      source.next = [list('2026-11-28')];
      const c = await service.convert(amount, from, to, '2026-11-29', NOW);
      expect(c?.amountMinor).toBe(expected);
      expect(c?.date).toBe('2026-11-28');
      expect(c?.rates.map((r) => r.currency)).toEqual([from, to].filter((x) => x !== 'UZS'));
    });

    it('is null when the bank does not answer and nothing is cached', async () => {
      source.next = [new Error('down')];
      expect(await service.convert(10_000n, 'USD', 'UZS', '2026-11-29', NOW)).toBeNull();
    });
  });
});
