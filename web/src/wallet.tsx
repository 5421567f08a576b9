/**
 * The personal / family switch (docs/interface.md §7; README, "The Mini App"): shown only to a household's member.
 * The choice is kept in sessionStorage (this tab), so it holds across the screens and a reload, and goes when the
 * Mini App closes. Without a household no `wallet` is ever sent and the app reads what it always read.
 */
import { api, Household, Me, Tx, Wallet } from './api';
import { useT } from './ui';

const WALLET_KEY = 'ovozpay.wallet';

export function storedWallet(): Wallet {
  try {
    return window.sessionStorage.getItem(WALLET_KEY) === 'household' ? 'household' : 'personal';
  } catch {
    return 'personal';
  }
}

export function storeWallet(wallet: Wallet): void {
  try {
    window.sessionStorage.setItem(WALLET_KEY, wallet);
  } catch {
    // storage unavailable: the choice lasts as long as the page
  }
}

/**
 * The caller's household, or null when they are in none (404). Any other failure also gives null: the app then
 * works as for someone without a household rather than failing to open.
 */
export async function currentHousehold(): Promise<Household | null> {
  return api<Household>('/api/households/current/').catch(() => null);
}

/** The first name of whoever made a record, from the household's members (empty when unknown). */
export function makerName(tx: Tx, household: Household | null): string {
  if (!household || !tx.created_by) return '';
  return household.members.find((m) => m.user_id === tx.created_by)?.first_name ?? '';
}

/**
 * What the user may do with a record (the API's rules for the household's records): change only their own; delete their
 * own, and the household's owner any of the household's.
 */
export function rights(tx: Tx, me: Me | undefined, household: Household | null) {
  const mine = !tx.created_by || tx.created_by === me?.id;
  const owner = household !== null && household.owner_id === me?.id && tx.wallet === 'household';
  return { change: mine, delete: mine || owner };
}

export function WalletSwitch({ value, onChange }: { value: Wallet; onChange: (w: Wallet) => void }) {
  const t = useT();
  return (
    <div class="segmented wallet-switch" role="tablist" data-testid="wallet-switch">
      {(['personal', 'household'] as const).map((w) => (
        <button
          key={w}
          role="tab"
          aria-selected={w === value}
          class={w === value ? 'on' : ''}
          data-testid={`wallet-${w}`}
          onClick={() => onChange(w)}
        >
          {w === 'personal' ? t.walletPersonal : t.walletFamily}
        </button>
      ))}
    </div>
  );
}
