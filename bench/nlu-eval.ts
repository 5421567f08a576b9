/**
 * Independent evaluation of the phrase parser against a phrase set written without looking at the parser:
 * test/fixtures/nlu/evaluation_phrases.jsonl (textbook phrases, the default) or, with `--set heldout`,
 * test/fixtures/nlu/real_messages_heldout.jsonl (real messages: slang, typos, card notifications …; frozen — its
 * first-run score and every later one are in docs/benchmarks.md).
 *
 *   node -r ts-node/register/transpile-only bench/nlu-eval.ts [--set heldout] [--json]
 *
 * A line may name the user's default `currency` (else UZS). Besides the docs/interface.md §6 intents, an expectation may be
 * one of the messages that must record nothing but lead somewhere else — `conversion_query`, `future`,
 * `saving_goal`, `ask_currency` — which is right when the parser gives no items and its `aside` says that kind.
 *
 * A phrase is "exactly right" when:
 *   - the intent class matches (transaction vs anything else); a non-transaction line must give no items;
 *   - for transactions: the item count matches and, item by item in spoken order, type, amount, currency
 *     (and date, when the expectation states one) match.
 * Categories are scored separately, over expected items that state a category.
 * Always exits 0: this is a report, not a gate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ExpectedItem {
  type: 'income' | 'expense';
  amount: string | null;
  currency: string;
  category?: string;
  date?: string;
  /** Card notifications: the merchant as written (compared case-insensitively). */
  description?: string;
}
interface Case {
  text: string;
  lang: 'ru' | 'uz' | 'en';
  now: string;
  currency?: string;
  kind?: string;
  expect: { intent: string; items: ExpectedItem[] };
}
interface GotItem {
  type?: string;
  amount?: string | number | null;
  currency?: string;
  category?: string | null;
  description?: string | null;
  date?: string | null;
}
interface Got {
  language?: string;
  intent?: string;
  items?: GotItem[];
}

const SETS: Record<string, string> = {
  evaluation: 'evaluation_phrases.jsonl',
  heldout: 'real_messages_heldout.jsonl',
};
/** The non-record expectations and the parser's `aside.kind` that satisfies each. */
const ASIDE_FOR: Record<string, string> = {
  conversion_query: 'conversion',
  future: 'future',
  saving_goal: 'saving_goal',
  ask_currency: 'ask_currency',
};

function fixturePath(name: string): string {
  const file = SETS[name];
  if (file === undefined) throw new Error(`unknown --set ${name} (${Object.keys(SETS).join(', ')})`);
  return join(__dirname, '..', 'test', 'fixtures', 'nlu', file);
}

function bucket(c: Case): string {
  if (c.lang !== 'uz') return c.lang;
  const t = c.text.toLowerCase();
  const cyr = (t.match(/[а-яёўқғҳ]/g) ?? []).length;
  const lat = (t.match(/[a-z]/g) ?? []).length;
  return cyr > lat ? 'uz-cyrl' : 'uz-latn';
}

/** "50000" / 50000 / "50000.0" → "50000.00"; null stays null; anything odd is returned as text. */
function normAmount(a: unknown): string | null {
  if (a === null || a === undefined) return null;
  const s = typeof a === 'number' ? String(a) : String(a).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return `?${s}`;
  const int = m[2].replace(/^0+(?=\d)/, '');
  let frac = (m[3] ?? '').padEnd(2, '0');
  if (frac.length > 2) {
    if (/^0+$/.test(frac.slice(2))) frac = frac.slice(0, 2);
    else return s;
  }
  return `${m[1]}${int}.${frac}`;
}

function normDate(d: unknown): string | null {
  if (d === null || d === undefined) return null;
  return String(d).slice(0, 10);
}

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function compact(items: Array<ExpectedItem | GotItem> | undefined): string {
  if (!items || items.length === 0) return '[]';
  return items
    .map((i) => {
      const parts = [i.type ?? '?', normAmount(i.amount) ?? 'null', i.currency ?? '?'];
      if (i.category) parts.push(i.category);
      if (i.date) parts.push(normDate(i.date) ?? '');
      return parts.join(' ');
    })
    .join(' | ');
}

/** What one run over a phrase set found (per-bucket counts, category/date/intent accuracy and the misses). */
export interface EvalReport {
  fixture: string;
  cases: number;
  per: Record<string, { n: number; ok: number }>;
  catN: number;
  catOk: number;
  dateN: number;
  dateOk: number;
  intentN: number;
  intentOk: number;
  failures: string[];
  catMisses: string[];
  intentMisses: string[];
}

/** Runs the parser over one phrase set (`evaluation` or `heldout`); null when the parser cannot be loaded. */
export function evaluate(setName: string): EvalReport | null {
  let nlu: {
    parsePhraseOrThrow: (text: string, opts: Record<string, unknown>) => unknown;
    toParseJson: (r: unknown) => Got;
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    nlu = require('../src/modules/nlu');
  } catch (e) {
    console.log(`parser not available (../src/modules/nlu): ${(e as Error).message.split('\n')[0]}`);
    return null;
  }

  const FIXTURE = fixturePath(setName);
  const cases: Case[] = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);

  const per = new Map<string, { n: number; ok: number }>();
  const add = (k: string, ok: boolean): void => {
    const v = per.get(k) ?? { n: 0, ok: 0 };
    v.n++;
    if (ok) v.ok++;
    per.set(k, v);
  };
  let catN = 0;
  let catOk = 0;
  let intentN = 0;
  let intentOk = 0;
  let dateN = 0;
  let dateOk = 0;
  const failures: string[] = [];
  const catMisses: string[] = [];
  const intentMisses: string[] = [];

  for (const c of cases) {
    let got: Got;
    let aside: string | undefined;
    let err: string | null = null;
    try {
      const r = nlu.parsePhraseOrThrow(c.text, {
        language: 'auto',
        defaultCurrency: c.currency ?? 'UZS',
        now: new Date(c.now),
        timeZone: 'Asia/Tashkent',
      });
      aside = (r as { aside?: { kind?: string } } | null)?.aside?.kind;
      got = nlu.toParseJson(r) ?? {};
    } catch (e) {
      err = (e as Error).message;
      got = {};
    }
    const gotItems = got.items ?? [];
    const expTx = c.expect.intent === 'transaction';
    const gotTx = got.intent === 'transaction';
    const reasons: string[] = [];
    if (err) reasons.push(`threw: ${err}`);

    if (!expTx) {
      if (gotTx) reasons.push(`intent class: got transaction`);
      if (gotItems.length) reasons.push(`items: expected none, got ${gotItems.length}`);
      const wantAside = ASIDE_FOR[c.expect.intent];
      if (wantAside !== undefined && aside !== wantAside)
        reasons.push(`aside: expected ${wantAside}, got ${aside ?? 'none'}`);
      intentN++;
      const intentRight = wantAside !== undefined ? aside === wantAside : got.intent === c.expect.intent;
      if (intentRight && gotItems.length === 0) intentOk++;
      else
        intentMisses.push(
          `  ${JSON.stringify(c.text)}: expected ${c.expect.intent}, got ${aside ?? got.intent}`,
        );
    } else {
      if (!gotTx) reasons.push(`intent: expected transaction, got ${got.intent}`);
      if (gotItems.length !== c.expect.items.length)
        reasons.push(`item count: expected ${c.expect.items.length}, got ${gotItems.length}`);
      c.expect.items.forEach((e, i) => {
        const g = gotItems[i];
        if (e.category) {
          catN++;
          if (g && g.category === e.category) catOk++;
          else
            catMisses.push(
              `  ${JSON.stringify(c.text)} #${i + 1}: expected ${e.category}, got ${g ? g.category : '(no item)'}`,
            );
        }
        if (e.date) {
          dateN++;
          if (g && normDate(g.date) === e.date) dateOk++;
        }
        if (!g) return;
        if (g.type !== e.type) reasons.push(`#${i + 1} type ${g.type} ≠ ${e.type}`);
        if (normAmount(g.amount) !== normAmount(e.amount))
          reasons.push(`#${i + 1} amount ${normAmount(g.amount)} ≠ ${normAmount(e.amount)}`);
        if (g.currency !== e.currency) reasons.push(`#${i + 1} currency ${g.currency} ≠ ${e.currency}`);
        if (e.date && normDate(g.date) !== e.date)
          reasons.push(`#${i + 1} date ${normDate(g.date)} ≠ ${e.date}`);
        if (
          e.description &&
          (g.description ?? '').trim().toLowerCase() !== e.description.trim().toLowerCase()
        )
          reasons.push(
            `#${i + 1} description ${JSON.stringify(g.description)} ≠ ${JSON.stringify(e.description)}`,
          );
      });
    }
    const ok = reasons.length === 0;
    const b = bucket(c);
    add('all', ok);
    add(b, ok);
    if (c.lang === 'uz') add('uz', ok);
    add(expTx ? 'transaction lines' : 'non-transaction lines', ok);
    if (c.kind) add(`kind: ${c.kind}`, ok);
    if (!ok) {
      failures.push(
        `- [${b}] ${JSON.stringify(c.text)}\n    expected: ${c.expect.intent} ${compact(c.expect.items)}\n` +
          `    got:      ${got.intent} ${compact(gotItems)}\n    why:      ${reasons.join('; ')}`,
      );
    }
  }

  return {
    fixture: FIXTURE,
    cases: cases.length,
    per: Object.fromEntries(per),
    catN,
    catOk,
    dateN,
    dateOk,
    intentN,
    intentOk,
    failures,
    catMisses,
    intentMisses,
  };
}

function main(): void {
  const i = process.argv.indexOf('--set');
  const report = evaluate(i >= 0 ? process.argv[i + 1] : 'evaluation');
  if (report === null) return;
  const { per, catN, catOk, dateN, dateOk, intentN, intentOk, failures, catMisses, intentMisses } = report;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ per, catN, catOk, dateN, dateOk, intentN, intentOk }));
  }
  console.log(`NLU evaluation: ${report.cases} phrases from ${report.fixture}`);
  const all = per.all ?? { n: 0, ok: 0 };
  console.log(`\nPhrases exactly right: ${all.ok}/${all.n} = ${pct(all.ok, all.n).trim()}`);
  const kinds = Object.keys(per)
    .filter((k) => k.startsWith('kind: '))
    .sort();
  for (const k of [
    'ru',
    'uz',
    'uz-latn',
    'uz-cyrl',
    'en',
    'transaction lines',
    'non-transaction lines',
    ...kinds,
  ]) {
    const v = per[k];
    if (v)
      console.log(`  ${k.padEnd(26)} ${String(v.ok).padStart(4)}/${String(v.n).padEnd(4)} ${pct(v.ok, v.n)}`);
  }
  console.log(
    `\nCategory accuracy (items with a stated category): ${catOk}/${catN} = ${pct(catOk, catN).trim()}`,
  );
  console.log(
    `Date accuracy (expected items):                    ${dateOk}/${dateN} = ${pct(dateOk, dateN).trim()}`,
  );
  console.log(
    `Exact intent on non-transaction lines:             ${intentOk}/${intentN} = ${pct(intentOk, intentN).trim()}`,
  );

  console.log(`\nFailures (${failures.length}):`);
  console.log(failures.length ? failures.join('\n') : '  none');
  console.log(`\nCategory misses (${catMisses.length}):`);
  console.log(catMisses.length ? catMisses.join('\n') : '  none');
  console.log(`\nNon-transaction intent misses (${intentMisses.length}, informational):`);
  console.log(intentMisses.length ? intentMisses.join('\n') : '  none');
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.log(`evaluation error: ${(e as Error).stack ?? String(e)}`);
  }
}
