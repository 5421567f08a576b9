import { useState } from 'preact/hooks';
import { api, Debt, Goal, Page, query, Summary, Wallet } from './api';
import { day, money, wholePercents } from './format';
import type { Period } from './i18n';
import { Empty, Loaded, useLoad, useT } from './ui';

const PALETTE = [
  '#3390ec',
  '#f5a623',
  '#4caf50',
  '#e53935',
  '#8e24aa',
  '#00acc1',
  '#fb8c00',
  '#6d4c41',
  '#546e7a',
  '#c0ca33',
  '#d81b60',
  '#43a047',
];

function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const t = useT();
  return (
    <div class="segmented" role="tablist">
      {(['week', 'month', 'prev_month', 'year'] as const).map((p) => (
        <button
          key={p}
          role="tab"
          aria-selected={p === value}
          class={p === value ? 'on' : ''}
          onClick={() => onChange(p)}
        >
          {t.periods[p]}
        </button>
      ))}
    </div>
  );
}

/** Each member's income and spending in the period (a household's summary only), per currency. */
function MemberBreakdown({ rows }: { rows: NonNullable<Summary['by_member']> }) {
  const t = useT();
  return (
    <div class="members" data-testid="member-breakdown">
      <div class="label">{t.byMember}</div>
      <ul class="legend">
        {rows.map((m) => (
          <li key={`${m.user_id}:${m.currency}`} data-testid="member-row" data-user={m.user_id}>
            <span class="grow">{m.first_name}</span>
            <span class="hint">↑ {money(m.income, m.currency)}</span>
            <span class="amount">↓ {money(m.expense, m.currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Spending by category for a period: a donut (inline SVG) and its legend, one currency at a time; for the family
 * wallet also each member's totals.
 */
export function Stats({ wallet }: { wallet?: Wallet }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('month');
  const [currency, setCurrency] = useState<string | undefined>();
  const [load, retry] = useLoad(
    () => api<Summary>(`/api/analytics/summary/${query({ period, wallet })}`),
    [period, wallet],
  );
  return (
    <section class="card">
      <div class="label">{t.stats}</div>
      <PeriodPicker value={period} onChange={setPeriod} />
      <Loaded load={load} retry={retry} rows={4}>
        {(s) => {
          const members =
            wallet === 'household' && s.by_member?.length ? <MemberBreakdown rows={s.by_member} /> : null;
          const expenses = s.by_category.filter((c) => c.type === 'expense');
          const currencies = [...new Set(expenses.map((c) => c.currency))];
          if (currencies.length === 0)
            return (
              <>
                <Empty title={t.statsEmpty} testid="stats-empty" />
                {members}
              </>
            );
          const cur = currency && currencies.includes(currency) ? currency : currencies[0];
          const rows = expenses
            .filter((c) => c.currency === cur)
            .sort((a, b) => Number(b.amount) - Number(a.amount));
          const total = rows.reduce((sum, r) => sum + Number(r.amount), 0);
          const percents = wholePercents(rows.map((r) => r.amount));
          const totalLine = s.totals.find((x) => x.currency === cur);
          let offset = 0;
          return (
            <div>
              {currencies.length > 1 && (
                <div class="segmented">
                  {currencies.map((c) => (
                    <button key={c} class={c === cur ? 'on' : ''} onClick={() => setCurrency(c)}>
                      {c}
                    </button>
                  ))}
                </div>
              )}
              <div class="hint">
                {day(s.date_from)} — {day(s.date_to)}
              </div>
              <svg
                class="donut"
                viewBox="0 0 42 42"
                role="img"
                aria-label={t.stats}
                data-testid="stats-chart"
              >
                <circle cx="21" cy="21" r="15.9155" fill="none" stroke="var(--bg2)" stroke-width="6" />
                {rows.map((r, i) => {
                  const share = total > 0 ? (Number(r.amount) / total) * 100 : 0;
                  const el = (
                    <circle
                      key={r.category}
                      class="slice"
                      data-category={r.category}
                      cx="21"
                      cy="21"
                      r="15.9155"
                      fill="none"
                      stroke={PALETTE[i % PALETTE.length]}
                      stroke-width="6"
                      stroke-dasharray={`${share} ${100 - share}`}
                      stroke-dashoffset={String(25 - offset)}
                    />
                  );
                  offset += share;
                  return el;
                })}
                <text x="21" y="22.5" text-anchor="middle" class="donut-total">
                  {totalLine ? money(totalLine.expense, '').trim() : ''}
                </text>
              </svg>
              <ul class="legend">
                {rows.map((r, i) => (
                  <li key={r.category} data-testid="stats-row">
                    <span class="dot" style={{ background: PALETTE[i % PALETTE.length] }} />
                    <span class="grow">{r.category_name}</span>
                    <span class="hint">{percents[i]}%</span>
                    <span class="amount">{money(r.amount, r.currency)}</span>
                  </li>
                ))}
              </ul>
              {members}
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}

function Progress({ percent }: { percent: number }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <div class="progress">
      <div class="progress-bar" style={{ width: `${p}%` }} />
    </div>
  );
}

export function Goals() {
  const t = useT();
  const [load, retry] = useLoad(() => api<Page<Goal>>('/api/goals/?page_size=100'), []);
  return (
    <section class="card">
      <div class="label">{t.goals}</div>
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.results.length === 0 ? (
            <Empty title={t.goalsEmpty} testid="goals-empty" />
          ) : (
            <ul class="plain" data-testid="goal-list">
              {page.results.map((g) => (
                <li key={g.id} class="item" data-testid="goal-item">
                  <div class="row spread">
                    <strong>
                      {g.status === 'completed' ? '✓ ' : ''}
                      {g.title}
                    </strong>
                    <span class="hint">{Math.round(Number(g.progress_percent))}%</span>
                  </div>
                  <Progress percent={Number(g.progress_percent)} />
                  <div class="hint">
                    {money(g.saved_amount, g.currency)} / {money(g.target_amount, g.currency)}
                    {g.deadline ? ` · ${t.deadline} ${day(g.deadline)}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

export function Debts() {
  const t = useT();
  const [load, retry] = useLoad(() => api<Page<Debt>>('/api/debts/?page_size=100'), []);
  return (
    <section class="card">
      <div class="label">{t.debts}</div>
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.results.length === 0 ? (
            <Empty title={t.debtsEmpty} testid="debts-empty" />
          ) : (
            <ul class="plain" data-testid="debt-list">
              {page.results.map((d) => (
                <li key={d.id} class={`item ${d.status}`} data-testid="debt-item">
                  <div class="row spread">
                    <strong>{d.counterparty}</strong>
                    <span class={`tag ${d.direction}`}>{d.direction === 'lent' ? t.lent : t.borrowed}</span>
                  </div>
                  <div class="row spread">
                    <span class="hint">
                      {t.remaining}: {money(d.remaining_amount, d.currency)} / {money(d.amount, d.currency)}
                    </span>
                    {d.due_date && (
                      <span class="hint">
                        {t.due} {day(d.due_date)}
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
