import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';
import { Lang, TEXTS } from './i18n';

export const LangContext = createContext<Lang>('ru');
export const useT = () => TEXTS[useContext(LangContext)];

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'missing' } // the endpoint answers 404: the server does not have this feature yet
  | { state: 'error'; error: unknown };

/** Loads `fn()` whenever `deps` change; `reload` runs it again. Stale answers are dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoad({ state: 'loading' });
    fn().then(
      (data) => mine === seq.current && setLoad({ state: 'ok', data }),
      (error: unknown) =>
        mine === seq.current &&
        setLoad(
          error instanceof ApiError && error.status === 404
            ? { state: 'missing' }
            : { state: 'error', error },
        ),
    );
  }, [...deps, tick]);
  return [load, useCallback(() => setTick((n) => n + 1), [])];
}

export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div class="skeleton" aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} class="skeleton-row" />
      ))}
    </div>
  );
}

export function Empty({ title, hint, testid }: { title: string; hint?: string; testid?: string }) {
  return (
    <div class="empty" data-testid={testid}>
      <div class="empty-title">{title}</div>
      {hint && <div class="hint">{hint}</div>}
    </div>
  );
}

export function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const detail =
    error instanceof ApiError ? (error.status === 401 ? t.sessionExpired : error.detail()) : t.network;
  return (
    <div class="failed" role="alert" data-testid="load-error">
      <div class="empty-title">{t.errorTitle}</div>
      {detail && <div class="hint">{detail}</div>}
      <button class="button secondary" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );
}

/** The common four-way render of a Load. */
export function Loaded<T>(props: {
  load: Load<T>;
  retry: () => void;
  rows?: number;
  missing?: string;
  children: (data: T) => preact.ComponentChildren;
}) {
  const t = useT();
  switch (props.load.state) {
    case 'loading':
      return <Skeleton rows={props.rows} />;
    case 'missing':
      return <Empty title={props.missing ?? t.unavailable} testid="unavailable" />;
    case 'error':
      return <Failed error={props.load.error} retry={props.retry} />;
    case 'ok':
      return <>{props.children(props.load.data)}</>;
  }
}
