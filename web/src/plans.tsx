/**
 * Budgets with progress bars, recurring payments and incomes, and the month-end forecast (issue 15; README, "The
 * Mini App"; docs/budgets.md, docs/recurring.md). The lists hold what the caller may see (their own and their
 * household's); the personal / family switch picks which of them are shown, and new ones go to its wallet.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  Budget,
  Category,
  Every,
  Forecast as ForecastData,
  Me,
  Page,
  query,
  Recurring,
  TxType,
  Wallet,
} from './api';
import { day, isNegative, money, normalizeAmount } from './format';
import { Empty, Failed, Loaded, Skeleton, useLoad, useT } from './ui';

const CURRENCIES = ['UZS', 'USD', 'RUB', 'EUR'];

/** The switch's choice: the household's items in the family view, one's own otherwise (everything without one). */
function inScope(item: { wallet: Wallet }, wallet: Wallet | undefined): boolean {
  return wallet === undefined || item.wallet === wallet;
}

/** under 80% · 80–99% · 100% and over (docs/budgets.md's alert thresholds); unknown without a rate. */
export function budgetLevel(percent: number | null): 'ok' | 'warn' | 'over' | 'unknown' {
  if (percent === null) return 'unknown';
  return percent >= 100 ? 'over' : percent >= 80 ? 'warn' : 'ok';
}

function categoryName(key: string | null, type: TxType, categories: Category[], t: ReturnType<typeof useT>) {
  if (key === null) return t.everything;
  if (key === 'food') return t.foodBoth;
  return categories.find((c) => c.key === key && c.type === type)?.name ?? key;
}

function FormError({ errors }: { errors: Record<string, string> }) {
  return errors.form ? (
    <div class="field-error" role="alert">
      {errors.form}
    </div>
  ) : null;
}

function failure(err: unknown, network: string): Record<string, string> {
  if (!(err instanceof ApiError)) return { form: network };
  const fields = err.fields();
  const form = err.detail() ?? Object.entries(fields).find(([k]) => k !== 'amount')?.[1] ?? '';
  return { ...fields, form };
}

export function Budgets({
  wallet,
  categories,
  me,
}: {
  wallet: Wallet | undefined;
  categories: Category[];
  me: Me | undefined;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [load, retry] = useLoad(() => api<Page<Budget>>('/api/budgets/?page_size=100'), [wallet]);

  const remove = async (id: string) => {
    setBusy(id);
    try {
      await api(`/api/budgets/${id}/`, { method: 'DELETE' });
    } catch (err) {
      // Already gone elsewhere: the refreshed list says so.
      if (!(err instanceof ApiError && err.status === 404)) setProblem(err);
    }
    setBusy(undefined);
    retry();
  };

  return (
    <section class="card" data-testid="budgets">
      <div class="row spread">
        <div class="label">{t.budgets}</div>
        <button class="link" data-testid="add-budget" onClick={() => setAdding(true)}>
          + {t.addBudget}
        </button>
      </div>
      {problem !== undefined && <Failed error={problem} retry={() => setProblem(undefined)} />}
      <Loaded load={load} retry={retry} rows={3}>
        {(page) => {
          const rows = page.results.filter((b) => inScope(b, wallet));
          if (rows.length === 0) return <Empty title={t.budgetsEmpty} testid="budgets-empty" />;
          return (
            <ul class="plain">
              {rows.map((b) => {
                const level = budgetLevel(b.percent);
                return (
                  <li key={b.id} class="item" data-testid="budget-item" data-id={b.id}>
                    <div class="row spread">
                      <strong>{categoryName(b.category, 'expense', categories, t)}</strong>
                      <span class="hint">
                        {t.budgetPeriods[b.period]} · {b.percent === null ? '—' : `${b.percent}%`}
                      </span>
                    </div>
                    <div
                      class={`progress budget ${level}`}
                      data-testid="budget-progress"
                      data-level={level}
                      data-percent={b.percent ?? ''}
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={b.percent ?? undefined}
                    >
                      <div
                        class="progress-bar"
                        style={{ width: `${Math.max(0, Math.min(100, b.percent ?? 0))}%` }}
                      />
                    </div>
                    <div class="row spread">
                      <span class="hint">
                        {b.spent === null
                          ? t.noRate
                          : t.spentOf(money(b.spent, b.currency), money(b.amount, b.currency))}
                      </span>
                      <button
                        class="link danger-text"
                        data-testid="budget-delete"
                        disabled={busy === b.id}
                        onClick={() => void remove(b.id)}
                      >
                        {t.delete}
                      </button>
                    </div>
                    {b.remaining !== null && (
                      <div class={`hint ${isNegative(b.remaining) ? 'neg' : ''}`}>
                        {isNegative(b.remaining)
                          ? t.over(money(b.remaining.slice(1), b.currency))
                          : t.left(money(b.remaining, b.currency))}
                        {' · '}
                        {day(b.period_start)} — {day(b.period_end)}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Loaded>
      {adding && (
        <BudgetForm
          wallet={wallet}
          me={me}
          categories={categories}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            retry();
          }}
        />
      )}
    </section>
  );
}

function BudgetForm(props: {
  wallet: Wallet | undefined;
  me: Me | undefined;
  categories: Category[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [category, setCategory] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(props.me?.currency ?? 'UZS');
  const [period, setPeriod] = useState<'month' | 'week'>('month');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const cats = props.categories.filter((c) => c.type === 'expense');

  const submit = async (e: Event) => {
    e.preventDefault();
    const normalized = normalizeAmount(amount);
    if (!normalized || /^0+(\.0+)?$/.test(normalized)) {
      setErrors({ amount: t.amountInvalid });
      return;
    }
    setBusy(true);
    setErrors({});
    const body = { category: category || null, amount: normalized, currency, period };
    try {
      await api('/api/budgets/', {
        method: 'POST',
        body: props.wallet ? { ...body, wallet: props.wallet } : body,
      });
      props.onSaved();
    } catch (err) {
      setBusy(false);
      setErrors(failure(err, t.network));
    }
  };

  return (
    <div class="sheet-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <form class="sheet" onSubmit={(e) => void submit(e)} data-testid="budget-form" noValidate>
        <div class="row spread">
          <h2>{t.newBudget}</h2>
          <button type="button" class="link" onClick={props.onClose}>
            {t.cancel}
          </button>
        </div>
        <label class="field">
          <span>{t.category}</span>
          <select
            class="input"
            data-testid="budget-category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">{t.everything}</option>
            {cats.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.category && <small class="field-error">{errors.category}</small>}
        </label>
        <div class="row">
          <label class="field grow">
            <span>{t.amount}</span>
            <input
              class={`input ${errors.amount ? 'invalid' : ''}`}
              data-testid="budget-amount"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onInput={(e) => setAmount(e.currentTarget.value)}
              placeholder="500 000"
            />
            {errors.amount && <small class="field-error">{errors.amount}</small>}
          </label>
          <label class="field">
            <span>{t.currency}</span>
            <select
              class="input"
              data-testid="budget-currency"
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          <span>{t.budgetPeriod}</span>
          <select
            class="input"
            data-testid="budget-period"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value as 'month' | 'week')}
          >
            <option value="month">{t.budgetPeriods.month}</option>
            <option value="week">{t.budgetPeriods.week}</option>
          </select>
        </label>
        <FormError errors={errors} />
        <button type="submit" class="button" data-testid="budget-save" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </form>
    </div>
  );
}

export function RecurringList({
  wallet,
  categories,
  me,
}: {
  wallet: Wallet | undefined;
  categories: Category[];
  me: Me | undefined;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [load, retry] = useLoad(() => api<Page<Recurring>>('/api/recurring/?page_size=100'), [wallet]);

  const act = async (id: string, method: 'PATCH' | 'DELETE', body?: unknown) => {
    setBusy(id);
    try {
      await api(`/api/recurring/${id}/`, { method, body });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) setProblem(err);
    }
    setBusy(undefined);
    retry();
  };

  return (
    <section class="card" data-testid="recurring">
      <div class="row spread">
        <div class="label">{t.recurring}</div>
        <button class="link" data-testid="add-recurring" onClick={() => setAdding(true)}>
          + {t.addRecurring}
        </button>
      </div>
      {problem !== undefined && <Failed error={problem} retry={() => setProblem(undefined)} />}
      <Loaded load={load} retry={retry} rows={3}>
        {(page) => {
          const rows = page.results.filter((r) => inScope(r, wallet));
          if (rows.length === 0) return <Empty title={t.recurringEmpty} testid="recurring-empty" />;
          return (
            <ul class="plain">
              {rows.map((r) => (
                <li
                  key={r.id}
                  class={`item ${r.paused ? 'paused' : ''}`}
                  data-testid="recurring-item"
                  data-id={r.id}
                  data-paused={String(r.paused)}
                >
                  <div class="row spread">
                    <strong>{r.description || categoryName(r.category, r.type, categories, t)}</strong>
                    <span class={`tx-amount ${r.type}`}>
                      {r.type === 'expense' ? '−' : '+'}
                      {money(r.amount, r.currency)}
                    </span>
                  </div>
                  <div class="hint">
                    {t.schedule(r.every, r.day)}
                    {r.paused ? ` · ${t.paused}` : ` · ${t.next(day(r.next_date))}`}
                    {r.auto ? ` · ${t.autoTag}` : ''}
                  </div>
                  <div class="row">
                    <button
                      class="button secondary small"
                      data-testid="recurring-pause"
                      disabled={busy === r.id}
                      onClick={() => void act(r.id, 'PATCH', { paused: !r.paused })}
                    >
                      {r.paused ? t.resume : t.pause}
                    </button>
                    <button
                      class="button danger small"
                      data-testid="recurring-delete"
                      disabled={busy === r.id}
                      onClick={() => void act(r.id, 'DELETE')}
                    >
                      {t.delete}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      {adding && (
        <RecurringForm
          wallet={wallet}
          me={me}
          categories={categories}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            retry();
          }}
        />
      )}
    </section>
  );
}

function RecurringForm(props: {
  wallet: Wallet | undefined;
  me: Me | undefined;
  categories: Category[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const [type, setType] = useState<TxType>('expense');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(props.me?.currency ?? 'UZS');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [every, setEvery] = useState<Every>('month');
  const [dayOf, setDayOf] = useState(1);
  const [auto, setAuto] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const cats = props.categories.filter((c) => c.type === type);
  const days = useMemo(
    () =>
      every === 'month'
        ? Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))
        : t.weekdays.map((label, i) => ({ value: i + 1, label })),
    [every, t],
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    const normalized = normalizeAmount(amount);
    if (!normalized || /^0+(\.0+)?$/.test(normalized)) {
      setErrors({ amount: t.amountInvalid });
      return;
    }
    setBusy(true);
    setErrors({});
    const body = {
      type,
      amount: normalized,
      currency,
      category: category || 'other',
      description: description.trim(),
      every,
      day: dayOf,
      auto,
    };
    try {
      await api('/api/recurring/', {
        method: 'POST',
        body: props.wallet ? { ...body, wallet: props.wallet } : body,
      });
      props.onSaved();
    } catch (err) {
      setBusy(false);
      setErrors(failure(err, t.network));
    }
  };

  return (
    <div class="sheet-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <form class="sheet" onSubmit={(e) => void submit(e)} data-testid="recurring-form" noValidate>
        <div class="row spread">
          <h2>{t.newRecurring}</h2>
          <button type="button" class="link" onClick={props.onClose}>
            {t.cancel}
          </button>
        </div>
        <label class="field">
          <span>{t.type}</span>
          <select
            class="input"
            data-testid="recurring-type"
            value={type}
            onChange={(e) => {
              setType(e.currentTarget.value as TxType);
              setCategory('');
            }}
          >
            <option value="expense">{t.expense}</option>
            <option value="income">{t.income}</option>
          </select>
        </label>
        <div class="row">
          <label class="field grow">
            <span>{t.amount}</span>
            <input
              class={`input ${errors.amount ? 'invalid' : ''}`}
              data-testid="recurring-amount"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onInput={(e) => setAmount(e.currentTarget.value)}
              placeholder="3 000 000"
            />
            {errors.amount && <small class="field-error">{errors.amount}</small>}
          </label>
          <label class="field">
            <span>{t.currency}</span>
            <select
              class="input"
              data-testid="recurring-currency"
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          <span>{t.category}</span>
          <select
            class="input"
            data-testid="recurring-category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">—</option>
            {cats.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t.description}</span>
          <input
            class="input"
            data-testid="recurring-description"
            maxLength={500}
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <label class="field grow">
            <span>{t.every}</span>
            <select
              class="input"
              data-testid="recurring-every"
              value={every}
              onChange={(e) => {
                setEvery(e.currentTarget.value as Every);
                setDayOf(1);
              }}
            >
              <option value="month">{t.everyChoice.month}</option>
              <option value="week">{t.everyChoice.week}</option>
            </select>
          </label>
          <label class="field">
            <span>{t.day}</span>
            <select
              class="input"
              data-testid="recurring-day"
              value={String(dayOf)}
              onChange={(e) => setDayOf(Number(e.currentTarget.value))}
            >
              {days.map((d) => (
                <option key={d.value} value={String(d.value)}>
                  {d.label}
                </option>
              ))}
            </select>
            {errors.day && <small class="field-error">{errors.day}</small>}
          </label>
        </div>
        <label class="check">
          <input
            type="checkbox"
            data-testid="recurring-auto"
            checked={auto}
            onChange={(e) => setAuto(e.currentTarget.checked)}
          />
          <span>{t.auto}</span>
        </label>
        <FormError errors={errors} />
        <button type="submit" class="button" data-testid="recurring-save" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </form>
    </div>
  );
}

/** A part's sign by what it does to the balance, whichever sign the server writes it with. */
function signed(p: ForecastData['parts'][number]): string {
  if (p.amount === null) return '';
  if (p.kind === 'balance') return isNegative(p.amount) ? '−' : '';
  return p.kind === 'recurring_income' ? '+' : '−';
}

/**
 * The expected balance at month end with its parts (GET /api/analytics/forecast/). A server without the endpoint
 * answers 404 and the card is simply not shown.
 */
export function Forecast({ wallet }: { wallet: Wallet | undefined }) {
  const t = useT();
  const [load, retry] = useLoad(
    () => api<ForecastData>(`/api/analytics/forecast/${query({ wallet })}`),
    [wallet],
  );
  if (load.state === 'missing') return null;
  return (
    <section class="card" data-testid="forecast">
      <div class="label">{t.forecast}</div>
      {load.state === 'loading' ? (
        <Skeleton rows={2} />
      ) : load.state === 'error' ? (
        <Failed error={load.error} retry={retry} />
      ) : load.state === 'ok' ? (
        <>
          <div class="hint">{t.forecastExpected(day(load.data.month_end))}</div>
          <div
            class={`amount big ${load.data.expected && isNegative(load.data.expected) ? 'neg' : ''}`}
            data-testid="forecast-expected"
          >
            {load.data.expected === null ? t.noRate : money(load.data.expected, load.data.currency)}
          </div>
          <ul class="legend">
            {load.data.parts.map((p, i) => (
              <li key={i} data-testid="forecast-part" data-kind={p.kind}>
                <span class="grow">
                  {p.label || t.forecastParts[p.kind]}
                  {p.date ? <span class="hint small"> · {day(p.date)}</span> : null}
                </span>
                <span class={`amount ${signed(p).startsWith('−') ? 'neg' : ''}`}>
                  {p.amount === null
                    ? '—'
                    : `${signed(p)}${money(p.amount.replace(/^-/, ''), load.data.currency)}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
