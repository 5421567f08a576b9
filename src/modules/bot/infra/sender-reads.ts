import type { LearnedCategory } from '../../categories/learned-category.entity';
import type { User } from '../../users/user.entity';
import type { WalletMembership } from '../../households/households.repository';

/** A word the user taught (learned_categories), as CategoriesService.applyLearned matches it. */
export type LearnedRule = Pick<LearnedCategory, 'type' | 'keyword' | 'category'>;

/**
 * What the update's first statement read about the user besides claiming the update (issue 16,
 * docs/benchmarks-analysis.md): the record flow uses it instead of reading each again. Read at the start of the
 * update, so it is what the update found, as the separate reads were.
 */
export interface KnownAboutUser {
  userId: string;
  membership: WalletMembership | null;
  /** The user's taught words, the most recently learned first. */
  learned: LearnedRule[];
  /** Whether any budget exists that a personal / a household record could fall under. */
  budgets: { personal: boolean; household: boolean };
}

/** The private chat's sender as the claim read them: no user yet (before /start), or the user and what is known. */
export interface SenderReads {
  user: User | null;
  /** The user's active session's state (null: none). */
  sessionState: unknown;
  known: KnownAboutUser | null;
}
