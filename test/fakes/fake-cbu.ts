import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** A rate as the fake publishes it: the bank's decimal text and nominal. */
export interface FakeRate {
  rate: string;
  nominal?: string;
}

const NAMES: Record<string, [string, string, string, string, string]> = {
  USD: ['840', 'Доллар США', 'AQSH dollari', 'АҚШ доллари', 'US Dollar'],
  EUR: ['978', 'Евро', 'EVRO', 'EВРО', 'Euro'],
  RUB: ['643', 'Российский рубль', 'Rossiya rubli', 'Россия рубли', 'Russian Ruble'],
  JPY: ['392', 'Японская иена', 'Yaponiya iyenasi', 'Япония иенаси', 'Japan Yen'],
};

/** "2026-11-28" → "28.11.2026" (the bank's date form). */
const dotted = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A fake Central Bank of Uzbekistan on loopback (CBU_RATES_URL = `url`), answering in the bank's real format:
 * a JSON array of `{"id","Code","Ccy","CcyNm_RU","CcyNm_UZ","CcyNm_UZC","CcyNm_EN","Nominal","Rate","Diff","Date"}`.
 * `url` serves today's list, `url + all/YYYY-MM-DD/` a date's. Records every request; can fail on demand.
 */
export class FakeCbu {
  /** Paths asked for, in order ("/json/", "/json/all/2026-11-20/"). */
  readonly requests: string[] = [];
  /** The list served at the base URL, and the date it reports. */
  today: { date: string; rates: Record<string, FakeRate> } = { date: '2026-11-28', rates: {} };
  /** Lists for `all/<date>/`: the date asked for → the date reported and the rates. */
  readonly byDate = new Map<string, { date: string; rates: Record<string, FakeRate> }>();
  /** Answer the next N requests with HTTP 500 (then normally). Infinity: always fail. */
  failNext = 0;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/uz/arkhiv-kursov-valyut/json/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The bank's JSON for a list. */
  static body(date: string, rates: Record<string, FakeRate>): unknown[] {
    return Object.entries(rates).map(([ccy, r], i) => {
      const [code, ru, uz, uzc, en] = NAMES[ccy] ?? ['000', ccy, ccy, ccy, ccy];
      return {
        id: 60 + i,
        Code: code,
        Ccy: ccy,
        CcyNm_RU: ru,
        CcyNm_UZ: uz,
        CcyNm_UZC: uzc,
        CcyNm_EN: en,
        Nominal: r.nominal ?? '1',
        Rate: r.rate,
        Diff: '-13.22',
        Date: dotted(date),
      };
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push(path.replace('/uz/arkhiv-kursov-valyut', ''));
    if (this.failNext > 0) {
      this.failNext--;
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html>Internal Server Error</html>');
      return;
    }
    let list: { date: string; rates: Record<string, FakeRate> } | undefined;
    const m = /^\/uz\/arkhiv-kursov-valyut\/json\/all\/(\d{4}-\d{2}-\d{2})\/?$/.exec(path);
    if (m) list = this.byDate.get(m[1]);
    else if (/^\/uz\/arkhiv-kursov-valyut\/json\/?$/.test(path)) list = this.today;
    // The bank answers an unknown date with an empty array.
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(list ? FakeCbu.body(list.date, list.rates) : []));
  }
}
