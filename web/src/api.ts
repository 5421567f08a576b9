/**
 * The REST client. The access token lives in memory only; the refresh token in sessionStorage (this origin, this
 * tab, gone when the Mini App is closed). A 401 triggers one refresh (single flight: refresh tokens rotate, and
 * presenting a rotated one twice revokes the whole login) and one retry.
 */
export type TxType = 'income' | 'expense';
/** Whose money (docs/households.md): one's own wallet or the household's. */
export type Wallet = 'personal' | 'household';

export interface Tx {
  id: string;
  type: TxType;
  amount: string;
  currency: string;
  category: string;
  category_name: string;
  description: string;
  date: string;
  wallet?: Wallet;
  /** The user id of whoever made the record. */
  created_by?: string;
}
export interface Page<T> {
  count: number;
  next: string | null;
  results: T[];
}
export interface Totals {
  currency: string;
  income: string;
  expense: string;
  balance: string;
}
export interface Balance {
  totals: Totals[];
  as_of: string;
  converted?: (Totals & { rate_date: string; rates?: Record<string, string> }) | null;
}
export interface Category {
  key: string;
  type: TxType;
  name: string;
}
export interface Me {
  id: string;
  language: string;
  currency: string;
  timezone: string;
}
export interface Summary {
  period: string;
  date_from: string;
  date_to: string;
  totals: Array<Totals & { count: number }>;
  by_category: Array<{
    type: TxType;
    category: string;
    category_name: string;
    currency: string;
    amount: string;
    count: number;
    share_percent: number | string;
  }>;
  /** With ?wallet=household only: each member's totals per currency. */
  by_member?: Array<{
    user_id: string;
    first_name: string;
    currency: string;
    income: string;
    expense: string;
    count: number;
  }>;
}
export interface Household {
  id: string;
  name: string;
  currency: string;
  owner_id: string;
  members: Array<{ user_id: string; first_name: string; role: string; joined_at: string }>;
}
export interface Goal {
  id: string;
  title: string;
  target_amount: string;
  saved_amount: string;
  currency: string;
  deadline: string | null;
  status: string;
  progress_percent: number | string;
}
export interface Debt {
  id: string;
  direction: string;
  counterparty: string;
  amount: string;
  repaid_amount: string;
  remaining_amount: string;
  currency: string;
  due_date: string | null;
  status: string;
}

/** GET /api/budgets/ (docs/budgets.md): where a limit stands this period; null figures when no rate converts. */
export interface Budget {
  id: string;
  /** An expense category key, or null for all spending. */
  category: string | null;
  amount: string;
  currency: string;
  period: 'month' | 'week';
  wallet: Wallet;
  spent: string | null;
  remaining: string | null;
  percent: number | null;
  period_start: string;
  period_end: string;
}
export type Every = 'month' | 'week';
/** GET /api/recurring/ (docs/recurring.md). `day`: 1–31 for a month, 1–7 (Monday first) for a week. */
export interface Recurring {
  id: string;
  type: TxType;
  amount: string;
  currency: string;
  category: string;
  description: string;
  every: Every;
  day: number;
  auto: boolean;
  wallet: Wallet;
  next_date: string;
  paused: boolean;
}
/** GET /api/analytics/forecast/: the expected balance at month end and the parts it is made of. */
export interface Forecast {
  currency: string;
  as_of: string;
  month_end: string;
  balance: string | null;
  recurring_income: string | null;
  recurring_expense: string | null;
  budgets_left: string | null;
  expected: string | null;
  /** Why `expected` is null: "no_rate". */
  reason?: 'no_rate' | null;
  parts: Array<{
    kind: 'balance' | 'recurring_income' | 'recurring_expense' | 'budget';
    label: string;
    date: string | null;
    amount: string | null;
  }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
  /** DRF field errors: {"amount": ["…"]} → {amount: "…"}. */
  fields(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.body && typeof this.body === 'object') {
      for (const [k, v] of Object.entries(this.body))
        if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
    }
    return out;
  }
  detail(): string | undefined {
    const d = (this.body as { detail?: unknown } | null)?.detail;
    return typeof d === 'string' ? d : undefined;
  }
}

const REFRESH_KEY = 'ovozpay.refresh';
let access: string | undefined;
let refreshing: Promise<boolean> | undefined;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  return fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function keep(tokens: { access: string; refresh: string }): void {
  access = tokens.access;
  storage()?.setItem(REFRESH_KEY, tokens.refresh);
}

export function forget(): void {
  access = undefined;
  storage()?.removeItem(REFRESH_KEY);
}

/** Logs in with the Mini App's initData; any earlier session of this tab is dropped first. */
export async function login(chatId: number, initData: string): Promise<void> {
  forget();
  const res = await send('/api/users/auth/telegram-login/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ telegram_chat_id: chatId, init_data: initData }),
  });
  const body = await parse(res);
  if (!res.ok) throw new ApiError(res.status, body);
  keep(body as { access: string; refresh: string });
}

function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const token = storage()?.getItem(REFRESH_KEY);
    if (!token) return false;
    try {
      const res = await send('/api/users/auth/refresh-token/', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh: token }),
      });
      if (!res.ok) {
        forget();
        return false;
      }
      keep((await parse(res)) as { access: string; refresh: string });
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export async function api<T>(
  path: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const attempt = () =>
    send(path, {
      method: opts.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(access ? { Authorization: `Bearer ${access}` } : {}),
        ...opts.headers,
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  let res = await attempt();
  if (res.status === 401 && (await refresh())) res = await attempt();
  const body = await parse(res);
  if (!res.ok) throw new ApiError(res.status, body);
  return body as T;
}

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A UUID for the Idempotency-Key of one form opening. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
