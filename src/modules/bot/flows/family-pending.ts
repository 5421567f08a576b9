/**
 * The household's "next message" questions kept in bot_sessions.state (jsonb): the name of a new household, a new
 * name, the amount over which to be told of family expenses. Pure; anything malformed or too old reads as none.
 */
import { randomUUID } from 'node:crypto';

/** A question older than this is forgotten. */
export const FAMILY_PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export const FAMILY_STEPS = ['name', 'rename', 'notify'] as const;
export type FamilyStep = (typeof FAMILY_STEPS)[number];

export interface FamilyPending {
  awaiting: 'family';
  step: FamilyStep;
  /** Tells this question from a newer one (compare-and-clear in the repository). */
  id: string;
  askedAt: string;
}

export function familyPending(step: FamilyStep, now: Date): FamilyPending {
  return { awaiting: 'family', step, id: randomUUID(), askedAt: now.toISOString() };
}

/** The household question in a session state, or null (none, another question, malformed, or too old). */
export function readFamilyPending(state: unknown, now: Date): FamilyPending | null {
  const s = state as Partial<FamilyPending> | null;
  if (!s || typeof s !== 'object' || s.awaiting !== 'family') return null;
  if (typeof s.id !== 'string' || typeof s.askedAt !== 'string') return null;
  if (!(FAMILY_STEPS as readonly unknown[]).includes(s.step)) return null;
  const askedAt = Date.parse(s.askedAt);
  if (
    Number.isNaN(askedAt) ||
    now.getTime() - askedAt > FAMILY_PENDING_TTL_MS ||
    askedAt > now.getTime() + 60_000
  )
    return null;
  return { awaiting: 'family', step: s.step as FamilyStep, id: s.id, askedAt: s.askedAt };
}

/** A household name as typed: trimmed, inner runs of white space made one space; null when empty or over 100. */
export function readHouseholdName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim();
  return name.length >= 1 && name.length <= 100 ? name : null;
}

/** "семья", "oila", "family" alone (any case, with an optional trailing ! ? .): the household card. */
export function isFamilyWord(text: string): boolean {
  return /^(семья|oila|family)[!?.]?$/iu.test(text.trim());
}
