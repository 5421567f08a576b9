import type { EntityManager } from 'typeorm';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Currency, MAX_AMOUNT_MINOR } from '../../common/money';
import { isUuid } from '../../common/validation/uuid';
import { AppConfig } from '../../config/app-config';
import { PrivacyService } from '../privacy/privacy.service';
import { UsersService } from '../users/users.service';
import { Household, HouseholdRole } from './household.entity';
import type { HouseholdEvent, HouseholdListener } from './households.events';
import {
  HouseholdsRepository,
  InvitePeek,
  InviteState,
  MemberRow,
  MemberSettings,
  WalletMembership,
  ExpenseWatchers,
} from './households.repository';
import {
  hashInviteToken,
  inviteLink,
  looksLikeInviteToken,
  newInviteToken,
  successorOf,
} from './households.rules';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/errors';

/** A household with its members, oldest first. */
export interface HouseholdView {
  household: Household;
  members: MemberRow[];
}

export interface NewHousehold {
  name: string;
  /** Default: the owner's currency. */
  currency?: Currency;
}

/** The caller's household as they see it: the household, its members, their role and their own settings. */
export interface MyHousehold extends HouseholdView {
  role: HouseholdRole;
  settings: MemberSettings;
}

export interface HouseholdChanges {
  name?: string;
  currency?: Currency;
}

export interface NewInvite {
  token: string;
  link: string;
  expiresAt: Date;
}

/** What pressing "Link to my family" in a group did. */
export type ChatLinkOutcome =
  { kind: 'linked'; household: Household } | { kind: 'not_owner' } | { kind: 'taken' };

/** Everyone in `members` but `userId`. */
const others = (members: readonly MemberRow[], userId: string): string[] =>
  members.filter((x) => x.userId !== userId).map((x) => x.userId);

export const ALREADY_IN_HOUSEHOLD = 'You are already in a household.';
export const ONLY_THE_OWNER = 'Only the owner of the household can do this.';

const INVITE_MESSAGES: Record<InviteState, string> = {
  unknown: 'This invite is not valid.',
  expired: 'This invite has expired.',
  used: 'This invite has already been used.',
  revoked: 'This invite has been revoked.',
};

/**
 * Households (docs/households.md): plain values in, entities out. Every call reads the caller's membership afresh,
 * so a removed member loses access with their very next request. Errors, DRF style: not in a household → 404,
 * a member doing what only the owner may → 403 (they can see the household, so DRF's permission check answers).
 */
@Injectable()
export class HouseholdsService implements OnModuleInit {
  private readonly logger = new Logger(HouseholdsService.name);
  private readonly listeners: HouseholdListener[] = [];

  constructor(
    private readonly repo: HouseholdsRepository,
    private readonly users: UsersService,
    private readonly privacy: PrivacyService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // An owner's erasure hands ownership over first (or dissolves a household nobody else is in).
    this.privacy.beforeErasure((userId) => this.handOverBeforeErasure(userId));
  }

  /**
   * The user's membership as the household wallet needs it, or null: read afresh on every call, so a removed member's
   * next request already sees no household (docs/households.md, "Whose money").
   */
  walletMembership(userId: string): Promise<WalletMembership | null> {
    return this.repo.walletMembership(userId);
  }

  /** The household the user is in, or null (the bot's family views; read afresh every time). */
  async householdOf(userId: string): Promise<Household | null> {
    return (await this.repo.membershipOf(userId))?.household ?? null;
  }

  /**
   * Registers someone to hear about joins, leaves, removals, erasures, hand-overs and dissolutions (the
   * notifications module tells the members). Called after the change is committed; a listener's failure is logged
   * and changes nothing.
   */
  onEvent(listener: HouseholdListener): void {
    this.listeners.push(listener);
  }

  /** The caller's household with their role and own settings, or null when they are in none (the bot's /family). */
  async mine(userId: string): Promise<MyHousehold | null> {
    const m = await this.repo.membershipOf(userId);
    if (!m) return null;
    return {
      ...(await this.view(m.household)),
      role: m.role,
      settings: { recordsToHousehold: m.recordsToHousehold, notifyOver: m.notifyOver },
    };
  }

  /** The member's default wallet for records that name none (true: the household's); 404 outside a household. */
  async setRecordsToHousehold(userId: string, on: boolean): Promise<void> {
    if (!(await this.repo.setRecordsToHousehold(userId, on))) throw DomainError.notFound();
    this.logger.log(`Household default wallet: user_id=${userId}, records_to_household=${on}`);
  }

  /**
   * Tell the member about other members' household expenses above this amount (minor units of the household's
   * currency); null turns it off. 404 outside a household; not positive or too large → 400 on `notify_over`.
   */
  async setNotifyOver(userId: string, amountMinor: bigint | null): Promise<void> {
    if (amountMinor !== null && (amountMinor <= 0n || amountMinor > MAX_AMOUNT_MINOR))
      throw DomainError.validation('notify_over', 'Enter an amount greater than zero and within the limit.');
    if (!(await this.repo.setNotifyOver(userId, amountMinor))) throw DomainError.notFound();
    this.logger.log(`Household notification threshold: user_id=${userId}, on=${amountMinor !== null}`);
  }

  /** What an invite link shows before it is accepted (not claimed): the household, who invites, whether it is valid. */
  async peekInvite(token: string): Promise<InvitePeek | null> {
    if (!looksLikeInviteToken(token)) return null;
    return this.repo.peekInvite(hashInviteToken(token));
  }

  /** The household's name, currency and the members who asked to hear of expenses over an amount, or null. */
  expenseWatchers(householdId: string): Promise<ExpenseWatchers | null> {
    return this.repo.expenseWatchers(householdId);
  }

  /** The caller's household, or 404. */
  async current(userId: string): Promise<HouseholdView> {
    const m = await this.repo.membershipOf(userId);
    if (!m) throw DomainError.notFound();
    return this.view(m.household);
  }

  async create(userId: string, input: NewHousehold): Promise<HouseholdView> {
    if (await this.repo.membershipOf(userId))
      throw DomainError.validation('non_field_errors', ALREADY_IN_HOUSEHOLD);
    const currency = input.currency ?? (await this.users.getById(userId)).currency;
    try {
      const household = await this.repo.transaction((em) =>
        this.repo.create(em, userId, input.name, currency),
      );
      this.logger.log(`Household created: household_id=${household.id}, owner_id=${userId}`);
      return this.view(household);
    } catch (error) {
      // Two creates (or a create and a join) at once: the membership key lets one through.
      if (isUniqueViolation(error)) throw DomainError.validation('non_field_errors', ALREADY_IN_HOUSEHOLD);
      throw error;
    }
  }

  async update(userId: string, changes: HouseholdChanges): Promise<HouseholdView> {
    const household = await this.ownedBy(userId);
    if (changes.name !== undefined || changes.currency !== undefined)
      await this.repo.update(household.id, changes);
    return this.current(userId);
  }

  /** A new single-use invite link, valid 24 h (owner only). */
  async invite(userId: string): Promise<NewInvite> {
    const household = await this.ownedBy(userId);
    const token = newInviteToken();
    const expiresAt = await this.repo.createInvite(household.id, userId, hashInviteToken(token));
    this.logger.log(`Household invite created: household_id=${household.id}`);
    return { token, link: inviteLink(this.config.telegramBotUsername, token), expiresAt };
  }

  /** Revokes an unused invite of the caller's household (owner only); 404 for any other token. */
  async revokeInvite(userId: string, token: string): Promise<void> {
    const household = await this.ownedBy(userId);
    if (!looksLikeInviteToken(token) || !(await this.repo.revokeInvite(household.id, hashInviteToken(token))))
      throw DomainError.notFound();
  }

  /** Joins with an invite token; the claim and the membership are one transaction (a failed join keeps the token). */
  async join(userId: string, token: string): Promise<HouseholdView> {
    if (await this.repo.membershipOf(userId))
      throw DomainError.validation('non_field_errors', ALREADY_IN_HOUSEHOLD);
    const hash = hashInviteToken(token);
    try {
      const household = await this.repo.transaction(async (em) => {
        const householdId = looksLikeInviteToken(token) ? await this.repo.claimInvite(em, hash) : null;
        if (!householdId) {
          const state = looksLikeInviteToken(token) ? await this.repo.inviteState(em, hash) : 'unknown';
          throw DomainError.validation('token', INVITE_MESSAGES[state]);
        }
        await this.repo.addMember(em, householdId, userId, 'member');
        return householdId;
      });
      this.logger.log(`Household joined: household_id=${household}, user_id=${userId}`);
      const joined = await this.current(userId);
      const me = joined.members.find((x) => x.userId === userId);
      this.emit({
        kind: 'joined',
        householdName: joined.household.name,
        subjectName: me?.firstName ?? '',
        recipients: others(joined.members, userId),
      });
      return joined;
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation('non_field_errors', ALREADY_IN_HOUSEHOLD);
      if (isForeignKeyViolation(error)) throw DomainError.validation('token', INVITE_MESSAGES.unknown);
      throw error;
    }
  }

  /** Leaves the household; an owner hands it to the longest-standing member, or dissolves it when alone. */
  async leave(userId: string): Promise<void> {
    const news = await this.repo.transaction(async (em): Promise<HouseholdEvent | null | false> => {
      const m = await this.repo.membershipOf(userId, em, true);
      if (!m) return false;
      const members = await this.repo.members(m.household.id, em);
      let newOwner: string | null = null;
      if (m.household.ownerId === userId) {
        newOwner = await this.handOver(em, m.household.id, userId);
        if (!newOwner) {
          this.logger.log(`Household dissolved: household_id=${m.household.id} (its owner left alone)`);
          return null;
        }
      }
      await this.repo.removeMember(m.household.id, userId, em);
      this.logger.log(`Household left: household_id=${m.household.id}, user_id=${userId}`);
      return this.goneNews('left', m.household.name, members, userId, newOwner);
    });
    if (news === false) throw DomainError.notFound();
    if (news) this.emit(news);
  }

  /** Removes another member (owner only); someone not in this household → 404, the owner themselves → 400. */
  async removeMember(userId: string, memberId: string): Promise<void> {
    const household = await this.ownedBy(userId);
    if (memberId === userId)
      throw DomainError.validation(
        'non_field_errors',
        'The owner cannot remove themselves: leave the household or hand ownership over first.',
      );
    const members = await this.repo.members(household.id);
    if (!isUuid(memberId) || !(await this.repo.removeMember(household.id, memberId)))
      throw DomainError.notFound();
    this.logger.log(`Household member removed: household_id=${household.id}, user_id=${memberId}`);
    const removed = members.find((x) => x.userId === memberId);
    this.emit({
      kind: 'removed',
      householdName: household.name,
      subjectName: removed?.firstName ?? '',
      subjectId: memberId,
      recipients: others(members, userId),
    });
  }

  /** Hands ownership to another member (owner only). */
  async transfer(userId: string, toUserId: string): Promise<HouseholdView> {
    const news = await this.repo.transaction(async (em): Promise<HouseholdEvent> => {
      const m = await this.repo.membershipOf(userId, em, true);
      if (!m) throw DomainError.notFound();
      if (m.household.ownerId !== userId) throw new DomainError('permission_denied', ONLY_THE_OWNER);
      if (toUserId === userId) throw DomainError.validation('user_id', 'You already own this household.');
      const members = await this.repo.members(m.household.id, em);
      if (!members.some((x) => x.userId === toUserId))
        throw DomainError.validation('user_id', 'This person is not a member of your household.');
      await this.repo.transfer(em, m.household.id, toUserId);
      return {
        kind: 'transferred',
        householdName: m.household.name,
        subjectName: members.find((x) => x.userId === toUserId)?.firstName ?? '',
        subjectId: toUserId,
        recipients: others(members, userId),
      };
    });
    this.logger.log(`Household ownership transferred: to user_id=${toUserId}`);
    this.emit(news);
    return this.current(userId);
  }

  /** Deletes the household with its memberships and invites (owner only). */
  async dissolve(userId: string): Promise<void> {
    const household = await this.ownedBy(userId);
    const members = await this.repo.members(household.id);
    await this.repo.dissolve(household.id);
    this.logger.log(`Household dissolved: household_id=${household.id}`);
    this.emit({
      kind: 'dissolved',
      householdName: household.name,
      subjectName: members.find((x) => x.userId === userId)?.firstName ?? '',
      recipients: others(members, userId),
    });
  }

  /**
   * Before a user is erased: an owner's household goes to the longest-standing member, or is dissolved when
   * nobody else is in it. A member's row simply follows the erasure by ON DELETE CASCADE.
   */
  async handOverBeforeErasure(userId: string): Promise<void> {
    const news = await this.repo.transaction(async (em) => {
      const m = await this.repo.membershipOf(userId, em, true);
      await this.repo.forgetChatNotices(em, userId);
      if (!m) return null;
      const members = await this.repo.members(m.household.id, em);
      const newOwner =
        m.household.ownerId === userId ? await this.handOver(em, m.household.id, userId) : null;
      return this.goneNews('erased', m.household.name, members, userId, newOwner);
    });
    // Told now, just before the user's row goes (their membership follows it by cascade).
    if (news) this.emit(news);
  }

  /**
   * The owner goes: ownership passes to the longest-standing other member (their id), or the household is dissolved
   * when nobody else is in it (null).
   */
  private async handOver(em: EntityManager, householdId: string, ownerId: string): Promise<string | null> {
    const successor = successorOf(await this.repo.members(householdId, em), ownerId);
    if (successor) await this.repo.transfer(em, householdId, successor);
    else await this.repo.dissolve(householdId, em);
    return successor;
  }

  /** The news of a member who left or erased their data (null when nobody is left to tell). */
  private goneNews(
    kind: 'left' | 'erased',
    householdName: string,
    members: MemberRow[],
    userId: string,
    newOwner: string | null,
  ): HouseholdEvent | null {
    const recipients = others(members, userId);
    if (!recipients.length) return null;
    return {
      kind,
      householdName,
      subjectName: members.find((x) => x.userId === userId)?.firstName ?? '',
      ...(newOwner
        ? { newOwnerName: members.find((x) => x.userId === newOwner)?.firstName ?? '', subjectId: newOwner }
        : {}),
      recipients,
    };
  }

  /** Tells the listeners; never throws (the change is committed already). */
  private emit(event: HouseholdEvent): void {
    if (!event.recipients.length) return;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`Household news not handed over: ${(error as Error).message}`);
      }
    }
  }

  private async ownedBy(userId: string): Promise<Household> {
    const m = await this.repo.membershipOf(userId);
    if (!m) throw DomainError.notFound();
    if (m.household.ownerId !== userId) throw new DomainError('permission_denied', ONLY_THE_OWNER);
    return m.household;
  }

  private async view(household: Household): Promise<HouseholdView> {
    return { household, members: await this.repo.members(household.id) };
  }

  // ---- Group chats linked to a household (docs/households.md, "Group chats") ------------------------------------

  /**
   * Links a Telegram group to the caller's household: only its owner may. Linked again by the same household: fine
   * ('linked'); linked to another household: 'taken'.
   */
  async linkChat(userId: string, chatId: bigint): Promise<ChatLinkOutcome> {
    const m = await this.repo.membershipOf(userId);
    if (!m || m.household.ownerId !== userId) return { kind: 'not_owner' };
    if (!(await this.repo.linkChat(chatId, m.household.id, userId))) return { kind: 'taken' };
    this.logger.log(`Group chat linked: chat_id=${chatId}, household_id=${m.household.id}`);
    return { kind: 'linked', household: m.household };
  }

  /** The household a group is linked to, or null. */
  householdOfChat(chatId: bigint): Promise<Household | null> {
    return this.repo.householdOfChat(chatId);
  }

  /** The bot left the group (or was removed): the link goes. True when there was one. */
  async unlinkChat(chatId: bigint): Promise<boolean> {
    const unlinked = await this.repo.unlinkChat(chatId);
    if (unlinked) this.logger.log(`Group chat unlinked: chat_id=${chatId}`);
    return unlinked;
  }

  /** True the first time someone who is not a member is told so in a linked group (one reply per person and group). */
  firstChatNotice(chatId: bigint, telegramUserId: bigint): Promise<boolean> {
    return this.repo.claimChatNotice(chatId, telegramUserId);
  }
}
