/**
 * Whose money a record is (docs/households.md, "Whose money"): every record keeps who made it (`user_id`,
 * `created_by` over REST) and sits either in that person's wallet or in their household's. These pure rules decide
 * who sees and who changes which record; the service reads the viewer's membership afresh on every request.
 */
import type { WalletMembership } from '../households/households.repository';

export const WALLETS = ['personal', 'household'] as const;
export type Wallet = (typeof WALLETS)[number];

/**
 * Whose rows a query reads (docs/households.md): absent, every row the user made (any wallet: what the API always
 * listed); `personal`, the user's own wallet; a household, that household's rows from every member (null: the
 * user is in none, so nothing).
 */
export type WalletScope = 'personal' | { householdId: string | null };

export const NOT_IN_HOUSEHOLD = 'You are not in a household.';
export const ONLY_YOUR_OWN_RECORDS = 'You can change only your own records.';

/** Who is asking: the user and, when they are in one, their household. */
export interface Viewer {
  userId: string;
  membership: WalletMembership | null;
}

/** The part of a record the rules look at. */
export interface Owned {
  userId: string;
  householdId: string | null;
}

export const walletOf = (tx: Owned): Wallet => (tx.householdId === null ? 'personal' : 'household');

const inViewersHousehold = (tx: Owned, v: Viewer) =>
  tx.householdId !== null && tx.householdId === v.membership?.householdId;

/** One's own records (any wallet), and every record of one's household. */
export const canSee = (tx: Owned, v: Viewer): boolean => tx.userId === v.userId || inViewersHousehold(tx, v);

/**
 * Only one's own records, and only while they are in one's own wallet or household: a record left in a household
 * its maker has left stays the family's history.
 */
export const canChange = (tx: Owned, v: Viewer): boolean =>
  tx.userId === v.userId && (tx.householdId === null || inViewersHousehold(tx, v));

/** What one may change, and, for the household's owner, any record of the household. */
export const canDelete = (tx: Owned, v: Viewer): boolean =>
  canChange(tx, v) || (inViewersHousehold(tx, v) && v.membership?.role === 'owner');

/**
 * The household a new record goes to (null: the maker's own wallet). `requested` absent: the member's default.
 * Asking for the household without being in one gives `null` and the caller refuses it (NOT_IN_HOUSEHOLD).
 */
export function targetHousehold(
  requested: Wallet | undefined,
  v: Viewer,
): string | null | 'not_in_household' {
  if (requested === 'personal') return null;
  if (requested === 'household') return v.membership?.householdId ?? 'not_in_household';
  return v.membership?.recordsToHousehold ? v.membership.householdId : null;
}
