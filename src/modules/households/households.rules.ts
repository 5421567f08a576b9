/** The pure rules of households (docs/households.md): invite tokens and who inherits ownership. */
import { createHash, randomBytes } from 'node:crypto';

/** An invite lives this long. */
export const INVITE_LIFETIME_HOURS = 24;

/** A new invite token: 32 random bytes, base64url (43 characters, fits Telegram's 64-character /start payload). */
export function newInviteToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and compared: the token's SHA-256, hex. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as newInviteToken makes them; anything else is unknown without a database round trip. */
export function looksLikeInviteToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The deep link that opens the bot with the invite (`/start join_<token>`). */
export function inviteLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=join_${token}`;
}

export interface MemberSeniority {
  userId: string;
  joinedAt: Date;
}

/**
 * Who becomes owner when the owner leaves or is erased: the longest-standing other member (earliest joined_at, ties
 * by user id), or null when the owner is alone (the household is then dissolved).
 */
export function successorOf(members: readonly MemberSeniority[], ownerId: string): string | null {
  const others = members.filter((m) => m.userId !== ownerId);
  if (!others.length) return null;
  others.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : 1));
  return others[0].userId;
}
