import { Injectable, Logger } from '@nestjs/common';
import { Currency, formatMoney, isCurrency } from '../../../common/money';
import { DomainError } from '../../../common/errors/domain-error';
import { HouseholdsService, MyHousehold } from '../../households/households.service';
import { INVITE_LIFETIME_HOURS } from '../../households/households.rules';
import { parsePhrase } from '../../nlu';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import { decodeFamily, FamilyAction } from '../keyboards/callback-data';
import {
  confirmKeyboard,
  familyKeyboard,
  inviteKeyboard,
  joinKeyboard,
  noFamilyKeyboard,
} from '../keyboards/family.keyboards';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';
import { familyCardText, familyTexts } from '../texts/family.texts';
import {
  FamilyPending,
  familyPending,
  FamilyStep,
  isFamilyWord,
  readFamilyPending,
  readHouseholdName,
} from './family-pending';
import { bareAmount } from './pending-amount';

/**
 * The household in the bot (docs/households.md, "Bot"): /family (and "семья", "oila", "family" alone), its card
 * and buttons, the questions that wait for the next message (a name, a new name, an amount), and the invite link's
 * `/start join_<token>`. Every press asks HouseholdsService again, which reads the presser's membership and role
 * afresh: a stale button of a removed member or a former owner changes nothing and gets a short answer.
 */
@Injectable()
export class FamilyBot {
  private readonly logger = new Logger(FamilyBot.name);

  constructor(
    private readonly households: HouseholdsService,
    private readonly sessions: BotSessionsRepository,
    private readonly users: UsersService,
  ) {}

  /** /family: the card, or the offer to create one. */
  async command(user: User): Promise<InlineReply> {
    this.logger.log(`Handled /family: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.card(user);
  }

  /**
   * A text message, before it is read as a phrase: the answer to a household question, or the family word alone.
   * Null: not for this flow.
   */
  async onText(user: User, text: string, now = new Date()): Promise<InlineReply | null> {
    const pending = readFamilyPending(await this.sessions.getState(user), now);
    if (pending) {
      const answer = await this.answer(user, pending, text, now);
      if (answer) return answer;
    }
    return isFamilyWord(text) ? this.command(user) : null;
  }

  /** `/start join_<token>` after /start did its work (the user exists then): the invitation of that chat's user. */
  async startJoinInChat(chatId: number, token: string): Promise<InlineReply | null> {
    const user = await this.users.findByChatId(BigInt(chatId));
    return user ? this.startJoin(user, token) : null;
  }

  /** `/start join_<token>`: who invites to which household, with the Join button; or why it cannot be accepted. */
  async startJoin(user: User, token: string): Promise<InlineReply> {
    const t = familyTexts(user.language);
    const peek = await this.households.peekInvite(token);
    this.logger.log(
      `Invite link opened: chat_id=${user.telegramChatId}, user_id=${user.id}, state=${peek?.state ?? 'unknown'}`,
    );
    if (!peek) return { text: t.inviteProblem.unknown };
    if (peek.state !== 'valid') return { text: t.inviteProblem[peek.state] };
    const mine = await this.households.mine(user.id);
    if (mine) return { text: t.alreadyIn(mine.household.name) };
    return {
      text: t.invitation(peek.inviterFirstName, peek.householdName),
      markup: joinKeyboard(user.language, token),
    };
  }

  async onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    const t = familyTexts(user.language);
    const action = decodeFamily(input.data);
    if (!action) return { answer: { text: t.gone, alert: true } };
    this.logger.log(
      `Button: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, action=family_${action.kind}`,
    );
    try {
      return await this.press(user, action);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const text =
        error.code === 'not_found' ? t.notMember : error.code === 'permission_denied' ? t.notOwner : t.gone;
      return { answer: { text, alert: true } };
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  private async press(user: User, action: FamilyAction): Promise<CallbackReply> {
    const lang = user.language;
    const t = familyTexts(lang);
    switch (action.kind) {
      case 'view':
        return { answer: { text: '' }, edit: await this.card(user) };
      case 'create': {
        const mine = await this.households.mine(user.id);
        if (mine)
          return {
            answer: { text: t.alreadyIn(mine.household.name), alert: true },
            edit: this.cardOf(user, mine),
          };
        return this.ask(user, 'name', t.askName);
      }
      case 'invite': {
        const invite = await this.households.invite(user.id);
        return {
          answer: { text: '' },
          reply: {
            kind: 'text',
            text: t.invite(invite.link, INVITE_LIFETIME_HOURS),
            markup: inviteKeyboard(lang, invite.token),
          },
        };
      }
      case 'revoke':
        try {
          await this.households.revokeInvite(user.id, action.token);
        } catch (error) {
          // not the owner (any more), not in a household: the catch below; an unknown / used / revoked token: here
          if (
            !(error instanceof DomainError) ||
            error.code !== 'not_found' ||
            !(await this.households.mine(user.id))
          )
            throw error;
          return { answer: { text: t.revokeGone, alert: true }, edit: { text: t.revokeGone } };
        }
        return { answer: { text: t.revoked }, edit: { text: t.revoked } };
      case 'rename': {
        await this.owned(user);
        return this.ask(user, 'rename', t.askRename);
      }
      case 'notify_ask': {
        const mine = await this.member(user);
        return this.ask(user, 'notify', t.askNotify(mine.household.currency));
      }
      case 'notify_off':
        await this.households.setNotifyOver(user.id, null);
        return { answer: { text: t.notifyOff }, edit: await this.card(user) };
      case 'default_wallet':
        await this.households.setRecordsToHousehold(user.id, action.on);
        return { answer: { text: t.walletSet(action.on) }, edit: await this.card(user) };
      case 'leave': {
        const mine = await this.member(user);
        if (!action.confirmed)
          return {
            answer: { text: '' },
            edit: {
              text: t.confirmLeave(mine.household.name),
              markup: confirmKeyboard(lang, t.yesLeave, { kind: 'leave', confirmed: true }),
            },
          };
        await this.households.leave(user.id);
        return { answer: { text: t.left(mine.household.name) }, edit: { text: t.left(mine.household.name) } };
      }
      case 'dissolve': {
        const mine = await this.owned(user);
        if (!action.confirmed)
          return {
            answer: { text: '' },
            edit: {
              text: t.confirmDissolve(mine.household.name),
              markup: confirmKeyboard(lang, t.yesDissolve, { kind: 'dissolve', confirmed: true }),
            },
          };
        await this.households.dissolve(user.id);
        const done = t.dissolved(mine.household.name);
        return { answer: { text: done }, edit: { text: done } };
      }
      case 'remove':
      case 'transfer': {
        const mine = await this.owned(user);
        const member = mine.members.find((m) => m.userId === action.memberId && m.userId !== user.id);
        if (!member) return { answer: { text: t.gone, alert: true }, edit: this.cardOf(user, mine) };
        const remove = action.kind === 'remove';
        if (!action.confirmed)
          return {
            answer: { text: '' },
            edit: {
              text: remove ? t.confirmRemove(member.firstName) : t.confirmTransfer(member.firstName),
              markup: confirmKeyboard(lang, remove ? t.yesRemove : t.yesTransfer, {
                ...action,
                confirmed: true,
              }),
            },
          };
        if (remove) await this.households.removeMember(user.id, member.userId);
        else await this.households.transfer(user.id, member.userId);
        return {
          answer: { text: remove ? t.removed(member.firstName) : t.transferred(member.firstName) },
          edit: await this.card(user),
        };
      }
      case 'join':
        return this.join(user, action.token);
    }
  }

  /** The Join button: claims the invite (HouseholdsService.join), then the card. */
  private async join(user: User, token: string): Promise<CallbackReply> {
    const t = familyTexts(user.language);
    const mine = await this.households.mine(user.id);
    if (mine) {
      const text = t.alreadyIn(mine.household.name);
      return { answer: { text, alert: true }, edit: { text } };
    }
    try {
      await this.households.join(user.id, token);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
      if (error.fields?.non_field_errors) {
        // Joined or created another household meanwhile.
        const other = await this.households.mine(user.id);
        const text = other ? t.alreadyIn(other.household.name) : t.gone;
        return { answer: { text, alert: true }, edit: { text } };
      }
      const peek = await this.households.peekInvite(token);
      const text = t.inviteProblem[!peek || peek.state === 'valid' ? 'unknown' : peek.state];
      return { answer: { text, alert: true }, edit: { text } };
    }
    const joined = await this.households.mine(user.id);
    if (!joined) return { answer: { text: t.notMember, alert: true } };
    return {
      answer: { text: t.joined(joined.household.name) },
      edit: this.cardOf(user, joined, t.joined(joined.household.name)),
    };
  }

  /** The answer to a household question; null: this text is not one (it is read as a phrase). */
  private async answer(
    user: User,
    pending: FamilyPending,
    text: string,
    now: Date,
  ): Promise<InlineReply | null> {
    const t = familyTexts(user.language);
    if (pending.step === 'notify') return this.answerNotify(user, pending, text, now);
    const name = readHouseholdName(text);
    if (!name) return { text: t.badName };
    await this.sessions.clearStateIf(user, pending.id);
    try {
      if (pending.step === 'name') {
        const created = await this.households.create(user.id, { name });
        this.logger.log(
          `Household created in the bot: user_id=${user.id}, household_id=${created.household.id}`,
        );
        const mine = await this.households.mine(user.id);
        return mine ? this.cardOf(user, mine, t.created(name)) : this.card(user);
      }
      await this.households.update(user.id, { name });
      const mine = await this.households.mine(user.id);
      return mine ? this.cardOf(user, mine, t.renamed(name)) : this.card(user);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'permission_denied') return { text: t.notOwner };
      if (error.code === 'not_found') return { text: t.notMember };
      const mine = await this.households.mine(user.id);
      return mine ? { text: t.alreadyIn(mine.household.name) } : { text: t.badName };
    }
  }

  /** The notification threshold: a bare amount in the household's currency (as "💬 Сколько?" reads amounts). */
  private async answerNotify(
    user: User,
    pending: FamilyPending,
    text: string,
    now: Date,
  ): Promise<InlineReply | null> {
    const t = familyTexts(user.language);
    const mine = await this.households.mine(user.id);
    if (!mine) {
      await this.sessions.clearStateIf(user, pending.id);
      return { text: t.notMember };
    }
    const currency = mine.household.currency;
    const parsed = parsePhrase(text, {
      language: /\p{L}/u.test(text) ? 'auto' : user.language,
      defaultCurrency: (isCurrency(currency) ? currency : user.currency) as Currency,
      now,
      timeZone: user.timezone,
    });
    const amount = bareAmount(parsed);
    if (!amount) {
      // Not an amount: the question is dropped and the text is read as usual.
      await this.sessions.clearStateIf(user, pending.id);
      return null;
    }
    if (amount.currency !== currency || amount.amountMinor <= 0n) return { text: t.badAmount(currency) };
    try {
      await this.households.setNotifyOver(user.id, amount.amountMinor);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation') return { text: t.badAmount(currency) };
      throw error;
    }
    await this.sessions.clearStateIf(user, pending.id);
    const after = await this.households.mine(user.id);
    const header = t.notifySet(formatMoney(amount.amountMinor, currency));
    return after ? this.cardOf(user, after, header) : { text: header };
  }

  /** Asks a question whose answer is the next message (kept in the session; /cancel forgets it). */
  private async ask(user: User, step: FamilyStep, question: string): Promise<CallbackReply> {
    await this.sessions.setState(user, familyPending(step, new Date()));
    return { answer: { text: '' }, reply: { kind: 'text', text: question } };
  }

  private async member(user: User): Promise<MyHousehold> {
    const mine = await this.households.mine(user.id);
    if (!mine) throw DomainError.notFound();
    return mine;
  }

  private async owned(user: User): Promise<MyHousehold> {
    const mine = await this.member(user);
    if (mine.role !== 'owner')
      throw new DomainError('permission_denied', 'Only the owner of the household can do this.');
    return mine;
  }

  private async card(user: User): Promise<InlineReply> {
    const mine = await this.households.mine(user.id);
    if (!mine) return { text: familyTexts(user.language).none, markup: noFamilyKeyboard(user.language) };
    return this.cardOf(user, mine);
  }

  private cardOf(user: User, mine: MyHousehold, header?: string): InlineReply {
    const text = familyCardText(
      user.language,
      {
        name: mine.household.name,
        currency: mine.household.currency,
        members: mine.members,
        recordsToHousehold: mine.settings.recordsToHousehold,
        notifyOverMinor: mine.settings.notifyOver,
      },
      header,
    );
    const markup = familyKeyboard(user.language, {
      isOwner: mine.role === 'owner',
      others: mine.members.filter((m) => m.userId !== user.id),
      recordsToHousehold: mine.settings.recordsToHousehold,
      notifyOn: mine.settings.notifyOver !== null,
    });
    return { text, markup };
  }
}
