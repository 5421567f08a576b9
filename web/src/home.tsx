import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  Balance,
  Category,
  Household,
  Me,
  Page,
  query,
  Tx,
  TxType,
  uuid,
  Wallet,
} from './api';
import { dateTime, day, isNegative, money, normalizeAmount, periodRange } from './format';
import type { Period } from './i18n';
import { Empty, Failed, Loaded, Skeleton, useLoad, useT } from './ui';
import { makerName, rights } from './wallet';

const CURRENCIES = ['UZS', 'USD', 'RUB', 'EUR'];
const PAGE_SIZE = 20;

export function BalanceCard({
  version,
  currency,
  wallet,
  household,
}: {
  version: number;
  currency: string;
  wallet: Wallet | undefined;
  household: Household | null;
}) {
  const t = useT();
  const [load, retry] = useLoad(
    () => api<Balance>(`/api/transactions/balance/${query({ wallet })}`),
    [version, wallet],
  );
  return (
    <section class="card balance" data-testid="balance">
      <div class="label">
        {wallet === 'household' && household ? t.familyBalance(household.name) : t.balance}
      </div>
      <Loaded load={load} retry={retry} rows={1}>
        {(b) =>
          b.totals.length === 0 ? (
            <div class="amount big">{money('0.00', currency)}</div>
          ) : (
            <>
              {b.totals.map((line) => (
                <div class="balance-line" key={line.currency} data-currency={line.currency}>
                  <div class={`amount big ${isNegative(line.balance) ? 'neg' : ''}`}>
                    {money(line.balance, line.currency)}
                  </div>
                  <div class="hint">
                    ↑ {money(line.income, line.currency)} · ↓ {money(line.expense, line.currency)}
                  </div>
                </div>
              ))}
              {b.converted && (b.totals.length > 1 || b.totals[0].currency !== b.converted.currency) && (
                <div class="converted" data-testid="balance-converted">
                  <div class="hint">{t.converted(b.converted.currency, day(b.converted.rate_date))}</div>
                  <div class="amount">{money(b.converted.balance, b.converted.currency)}</div>
                </div>
              )}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

interface Filters {
  type: '' | TxType;
  category: string;
  period: '' | Period;
  search: string;
}

export function Transactions({
  version,
  categories,
  wallet,
  household,
  onOpen,
}: {
  version: number;
  categories: Category[];
  wallet: Wallet | undefined;
  household: Household | null;
  onOpen: (tx: Tx) => void;
}) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({ type: '', category: '', period: '', search: '' });
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Tx[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'more' | 'error'>('loading');
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const sentinel = useRef<HTMLDivElement>(null);

  // Debounced search.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === search ? f : { ...f, search })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const params = useMemo(
    () => ({
      type: filters.type,
      category: filters.category,
      search: filters.search.trim(),
      ...(filters.period ? periodRange(filters.period) : {}),
      ordering: '-date',
      page_size: PAGE_SIZE,
      wallet,
    }),
    [filters, wallet],
  );

  const fetchPage = async (page: number, mine: number) => {
    try {
      const res = await api<Page<Tx>>(`/api/transactions/${query({ ...params, page })}`);
      if (mine !== seq.current) return;
      setRows((prev) =>
        page === 1 ? res.results : [...prev, ...res.results.filter((r) => !prev.some((p) => p.id === r.id))],
      );
      setNext(res.next ? page + 1 : null);
      setState('ok');
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e);
      setState('error');
    }
  };

  useEffect(() => {
    const mine = ++seq.current;
    setState('loading');
    void fetchPage(1, mine);
    // params and version define the list; tick is the retry
  }, [params, version, tick]);

  // Infinite scroll: the sentinel under the list loads the next page when it comes into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || next === null || state !== 'ok') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        setState('more');
        void fetchPage(next, seq.current);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [next, state]);

  const cats = categories.filter((c) => !filters.type || c.type === filters.type);
  const filtered = Boolean(filters.type || filters.category || filters.period || filters.search);

  return (
    <section class="card">
      <div class="row spread">
        <div class="label">{t.transactions}</div>
      </div>
      <div class="filters">
        <input
          class="input"
          type="search"
          placeholder={t.search}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
          data-testid="filter-search"
        />
        <select
          class="input"
          value={filters.type}
          onChange={(e) =>
            setFilters({ ...filters, type: e.currentTarget.value as Filters['type'], category: '' })
          }
          data-testid="filter-type"
        >
          <option value="">{t.allTypes}</option>
          <option value="expense">{t.expense}</option>
          <option value="income">{t.income}</option>
        </select>
        <select
          class="input wide"
          value={filters.category}
          onChange={(e) => setFilters({ ...filters, category: e.currentTarget.value })}
          data-testid="filter-category"
        >
          <option value="">{t.allCategories}</option>
          {cats.map((c) => (
            <option key={`${c.type}:${c.key}`} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          class="input"
          value={filters.period}
          onChange={(e) => setFilters({ ...filters, period: e.currentTarget.value as Filters['period'] })}
          data-testid="filter-period"
        >
          <option value="">{t.allTime}</option>
          {(['week', 'month', 'prev_month', 'year'] as const).map((p) => (
            <option key={p} value={p}>
              {t.periods[p]}
            </option>
          ))}
        </select>
      </div>
      {state === 'loading' ? (
        <Skeleton rows={4} />
      ) : state === 'error' && rows.length === 0 ? (
        <Failed error={error} retry={() => setTick((n) => n + 1)} />
      ) : rows.length === 0 ? (
        <Empty
          title={t.noTransactions}
          hint={filtered ? undefined : t.noTransactionsHint}
          testid="tx-empty"
        />
      ) : (
        <ul class="tx-list" data-testid="tx-list">
          {rows.map((tx) => (
            <li key={tx.id}>
              <button class="tx-item" data-testid="tx-item" data-id={tx.id} onClick={() => onOpen(tx)}>
                <span class="tx-main">
                  <span class="tx-cat">{tx.category_name}</span>
                  {wallet === 'household' && (
                    <span class="hint small tx-member" data-testid="tx-member">
                      {makerName(tx, household)}
                    </span>
                  )}
                  <span class="hint">{tx.description || dateTime(tx.date)}</span>
                  {tx.description && <span class="hint small">{dateTime(tx.date)}</span>}
                </span>
                <span class={`tx-amount ${tx.type}`}>
                  {tx.type === 'expense' ? '−' : '+'}
                  {money(tx.amount, tx.currency)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {state === 'error' && rows.length > 0 && <Failed error={error} retry={() => setTick((n) => n + 1)} />}
      {state === 'more' && <Skeleton rows={1} />}
      <div ref={sentinel} class="sentinel" />
    </section>
  );
}

/** Add or edit one transaction. A new Idempotency-Key per opening makes a double tap or a retry record it once. */
export function TxForm(props: {
  tx: Tx | null;
  me: Me | undefined;
  wallet: Wallet | undefined;
  household: Household | null;
  categories: Category[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const editing = props.tx;
  const key = useMemo(() => uuid(), []);
  const [type, setType] = useState<TxType>(editing?.type ?? 'expense');
  const [amount, setAmount] = useState(editing?.amount ?? '');
  const [currency, setCurrency] = useState(editing?.currency ?? props.me?.currency ?? 'UZS');
  const [category, setCategory] = useState(editing?.category ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const cats = props.categories.filter((c) => c.type === type);
  const amountInput = useRef<HTMLInputElement>(null);
  // Another member's household record: shown, but only its maker changes it (the owner may delete it).
  const may = editing ? rights(editing, props.me, props.household) : { change: true, delete: false };
  const maker = editing && !may.change ? makerName(editing, props.household) : '';
  const refused = (err: ApiError) => (err.status === 403 ? t.notYours : (err.detail() ?? t.errorTitle));

  useEffect(() => {
    if (!editing) amountInput.current?.focus();
  }, []);
  useEffect(() => {
    if (category && !cats.some((c) => c.key === category)) setCategory('');
  }, [type]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!may.change) return;
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
    };
    try {
      if (editing) await api(`/api/transactions/${editing.id}/`, { method: 'PATCH', body });
      else
        await api('/api/transactions/', {
          method: 'POST',
          // The switch's wallet; none without a household, as before.
          body: props.wallet ? { ...body, wallet: props.wallet } : body,
          headers: { 'Idempotency-Key': key },
        });
      props.onSaved();
    } catch (err) {
      setBusy(false);
      setErrors(
        err instanceof ApiError
          ? { ...err.fields(), form: err.status === 403 ? t.notYours : (err.detail() ?? '') }
          : { form: t.network },
      );
    }
  };

  const remove = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await api(`/api/transactions/${editing.id}/`, { method: 'DELETE' });
      props.onSaved();
    } catch (err) {
      setBusy(false);
      // Already gone (deleted elsewhere): the list just needs a refresh.
      if (err instanceof ApiError && err.status === 404) props.onSaved();
      else setErrors({ form: err instanceof ApiError ? refused(err) : t.network });
    }
  };

  return (
    <div class="sheet-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <form class="sheet" onSubmit={(e) => void submit(e)} data-testid="tx-form" noValidate>
        <div class="row spread">
          <h2>{editing ? t.editTx : t.newTx}</h2>
          {maker && (
            <span class="hint" data-testid="tx-maker">
              {t.addedBy(maker)}
            </span>
          )}
          <button type="button" class="link" onClick={props.onClose}>
            {t.cancel}
          </button>
        </div>
        <label class="field">
          <span>{t.type}</span>
          <select
            class="input"
            data-testid="tx-type"
            disabled={!may.change}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as TxType)}
          >
            <option value="expense">{t.expense}</option>
            <option value="income">{t.income}</option>
          </select>
        </label>
        <div class="row">
          <label class="field grow">
            <span>{t.amount}</span>
            <input
              ref={amountInput}
              class={`input ${errors.amount ? 'invalid' : ''}`}
              data-testid="tx-amount"
              disabled={!may.change}
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onInput={(e) => {
                setAmount(e.currentTarget.value);
                if (errors.amount) setErrors(({ amount: _, ...rest }) => rest);
              }}
              placeholder="50 000"
            />
            {errors.amount && <small class="field-error">{errors.amount}</small>}
          </label>
          <label class="field">
            <span>{t.currency}</span>
            <select
              class="input"
              data-testid="tx-currency"
              disabled={!may.change}
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
            data-testid="tx-category"
            disabled={!may.change}
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
          {errors.category && <small class="field-error">{errors.category}</small>}
        </label>
        <label class="field">
          <span>{t.description}</span>
          <input
            class="input"
            data-testid="tx-description"
            disabled={!may.change}
            maxLength={500}
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          {errors.description && <small class="field-error">{errors.description}</small>}
        </label>
        {errors.form && (
          <div class="field-error" role="alert">
            {errors.form}
          </div>
        )}
        <div class="row">
          {editing && may.delete && (
            <button
              type="button"
              class="button danger"
              data-testid="tx-delete"
              disabled={busy}
              onClick={() => void remove()}
            >
              {t.delete}
            </button>
          )}
          {may.change && (
            <button type="submit" class="button grow" data-testid="tx-save" disabled={busy}>
              {busy ? t.saving : t.save}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
