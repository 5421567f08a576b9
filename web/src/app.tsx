import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, Category, Household, login, Me, Tx, Wallet } from './api';
import { BalanceCard, Transactions, TxForm } from './home';
import { Lang, Tab, TEXTS, toLang } from './i18n';
import { Budgets, Forecast, RecurringList } from './plans';
import { Debts, Goals, Stats } from './screens';
import { Launch, ready } from './telegram';
import { LangContext, Skeleton } from './ui';
import { currentHousehold, storedWallet, storeWallet, WalletSwitch } from './wallet';

type Session =
  { state: 'starting' } | { state: 'failed'; reason: 'login' | 'network' | 'outside' } | { state: 'ready' };

export function App({ launch }: { launch: Launch | undefined }) {
  const [lang, setLang] = useState<Lang>(toLang(launch?.languageCode) ?? 'ru');
  const [session, setSession] = useState<Session>(
    launch ? { state: 'starting' } : { state: 'failed', reason: 'outside' },
  );
  const [me, setMe] = useState<Me>();
  const [categories, setCategories] = useState<Category[]>([]);
  const [household, setHousehold] = useState<Household | null>(null);
  const [wallet, setWallet] = useState<Wallet>(storedWallet);
  const [tab, setTab] = useState<Tab>('home');
  const [form, setForm] = useState<{ tx: Tx | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (!launch) return;
    let cancelled = false;
    setSession({ state: 'starting' });
    void (async () => {
      try {
        await login(launch.userId, launch.initData);
      } catch (error) {
        if (!cancelled)
          setSession({
            state: 'failed',
            reason:
              error instanceof ApiError && (error.status === 400 || error.status === 401)
                ? 'login'
                : 'network',
          });
        return;
      }
      const [user, cats, family] = await Promise.all([
        api<Me>('/api/users/me/').catch(() => undefined),
        api<Category[]>('/api/categories/').catch(() => []),
        currentHousehold(),
      ]);
      if (cancelled) return;
      setMe(user);
      setCategories(cats);
      setHousehold(family);
      const own = toLang(user?.language);
      if (own) setLang(own);
      setSession({ state: 'ready' });
      ready();
      (window as unknown as { __ovozpayReady?: number }).__ovozpayReady = performance.now();
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const t = TEXTS[lang];
  if (session.state === 'failed') {
    const message =
      session.reason === 'outside' ? t.notInTelegram : session.reason === 'login' ? t.loginFailed : t.network;
    return (
      <LangContext.Provider value={lang}>
        <main class="screen center">
          <div class="failed" role="alert" data-testid="error">
            <div class="empty-title">{t.errorTitle}</div>
            <div class="hint">{message}</div>
            {session.reason === 'network' && (
              <button class="button secondary" onClick={() => setAttempt((n) => n + 1)}>
                {t.retry}
              </button>
            )}
          </div>
        </main>
      </LangContext.Provider>
    );
  }
  if (session.state === 'starting') {
    return (
      <main class="screen">
        <div class="card">
          <Skeleton rows={2} />
        </div>
        <div class="card">
          <Skeleton rows={5} />
        </div>
      </main>
    );
  }

  const saved = () => {
    setForm(null);
    setVersion((v) => v + 1);
  };
  // The wallet the screens read and the form writes to; undefined (no `wallet` sent) without a household.
  const scope: Wallet | undefined = household ? wallet : undefined;
  const pick = (w: Wallet) => {
    storeWallet(w);
    setWallet(w);
  };
  return (
    <LangContext.Provider value={lang}>
      <main class="screen">
        {household && <WalletSwitch value={wallet} onChange={pick} />}
        {tab === 'home' && (
          <>
            <BalanceCard
              version={version}
              currency={(scope === 'household' ? household?.currency : me?.currency) ?? 'UZS'}
              wallet={scope}
              household={household}
            />
            <Transactions
              version={version}
              categories={categories}
              wallet={scope}
              household={household}
              onOpen={(tx) => setForm({ tx })}
            />
            <button class="fab" data-testid="add-tx" onClick={() => setForm({ tx: null })} aria-label={t.add}>
              + {t.add}
            </button>
          </>
        )}
        {tab === 'stats' && (
          <>
            <Forecast key={`f${version}`} wallet={scope} />
            <Stats key={version} wallet={scope} />
          </>
        )}
        {tab === 'plans' && (
          <>
            <Budgets key={version} wallet={scope} categories={categories} me={me} />
            <RecurringList key={`r${version}`} wallet={scope} categories={categories} me={me} />
          </>
        )}
        {tab === 'goals' && <Goals />}
        {tab === 'debts' && <Debts />}
      </main>
      <nav class="tabs">
        {(['home', 'stats', 'plans', 'goals', 'debts'] as const).map((name) => (
          <button
            key={name}
            class={name === tab ? 'on' : ''}
            data-testid={`tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t.tabs[name]}
          </button>
        ))}
      </nav>
      {form && (
        <TxForm
          key={form.tx?.id ?? 'new'}
          tx={form.tx}
          me={me}
          wallet={scope}
          household={household}
          categories={categories}
          onClose={() => setForm(null)}
          onSaved={saved}
        />
      )}
    </LangContext.Provider>
  );
}
