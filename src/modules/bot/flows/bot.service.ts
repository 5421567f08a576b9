import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { AppConfig } from '../../../config/app-config';
import { LoginCodesService } from '../../auth/login-codes.service';
import { checkPhoneNumber, checkTypedPhoneNumber } from '../../users/phone';
import { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { VoiceNote, VoiceService } from '../../voice/voice.service';
import { telegramMiniAppUrl } from '../../webapp/webapp.url';
import { BotSessionsRepository } from '../infra/bot-sessions.repository';
import { miniAppTexts } from '../texts/mini-app.texts';
import { BudgetsBot } from './budgets.bot';
import { ButtonPresses } from './button-presses';
import { FamilyBot } from './family.bot';
import { PhraseService } from './phrase.service';
import { RecurringBot } from './recurring.bot';
import type { UpdateSender } from '../infra/update-sender';
import type { CallbackInput, CallbackReply, InlineReply, Reply, SenderProfile } from '../replies';
import { commandEditedText, MediaKind, mediaHintText } from '../texts/edits.texts';
import { EditAnswer, MessageEditsService } from './message-edits.service';
import { RecentAlbums } from './recent-albums';
import {
  cancelText,
  contactNotOwnText,
  helpText,
  loginCodeText,
  needStartText,
  PhoneOutcome,
  phoneText,
  shareContactLabel,
  unknownCommandText,
  voiceInfoText,
  voiceTooLongText,
  welcomeText,
} from '../texts/bot.texts';

export interface TextInput extends UpdateSender {
  text: string;
  updateId: number;
  /** message.date; defaults to now. */
  sentAt?: Date;
  /** The message's id: a message that records is linked to its reply, so that its edits follow (MessageEditsService). */
  messageId?: number;
  /** A forwarded message: when its author sent it (forward_origin.date), e.g. a bank's notification without a date. */
  writtenAt?: Date;
}

/** An edited text message, or the edited caption of a photo, document, video or animation. */
export interface EditedInput extends UpdateSender {
  messageId: number;
  text: string;
  updateId: number;
  /** When the message was first sent (message.date). */
  sentAt: Date;
  /** edit_date. */
  editedAt: Date;
}

/** A message the bot cannot read as text (a photo, a sticker, a location …), with its caption when it can have one. */
export interface MediaInput extends UpdateSender {
  kind: MediaKind;
  caption?: string;
  /** Set for the messages of one album: the album gets one answer. */
  mediaGroupId?: string;
  messageId: number;
  updateId: number;
  sentAt: Date;
}

const LOGIN_CODE_MINUTES = 5;

/** `contact.phone_number` comes with or without "+". */
export function normalizeContactPhone(phone: string): string {
  const trimmed = phone.trim();
  return trimmed.startsWith('+') ? trimmed : `+${trimmed}`;
}

/**
 * The bot's use cases. Takes plain values from the handlers, calls the domain services, returns the reply text
 * from the pure formatters in bot.texts.ts. No Telegraf context in here.
 */
@Injectable()
export class BotService {
  private readonly logger = new Logger(BotService.name);

  constructor(
    private readonly users: UsersService,
    private readonly sessions: BotSessionsRepository,
    private readonly loginCodes: LoginCodesService,
    private readonly config: AppConfig,
    private readonly phrases: PhraseService,
    private readonly voiceNotes: VoiceService,
    private readonly edits: MessageEditsService,
    private readonly buttons: ButtonPresses,
    private readonly family: FamilyBot,
    private readonly recurringBot: RecurringBot,
    private readonly budgetsBot: BudgetsBot,
  ) {}

  /** Albums answered lately: an album arrives as one message per photo and gets one answer. */
  private readonly albums = new RecentAlbums();

  /** /start: the user (the one SenderResolver read, or a new one), reactivated, a fresh session, welcome. */
  async start(sender: UpdateSender): Promise<Reply> {
    const { user, created } = sender.user
      ? { user: sender.user, created: false }
      : await this.findOrCreate(sender);
    if (!user.isActive) await this.users.setActiveByChatId(user.telegramChatId, true);
    await this.sessions.open(user);
    // test/bot.e2e-spec.ts reads this line as it is.
    this.logger.log(`Handled /start: chat_id=${sender.chatId}, user_id=${user.id}, new_user=${created}`);
    const lang = user.language;
    return {
      text: welcomeText(lang),
      markup: user.phoneNumber
        ? undefined
        : {
            keyboard: [[{ text: shareContactLabel(lang), request_contact: true }]],
            resize_keyboard: true,
            one_time_keyboard: true,
          },
    };
  }

  help(sender: UpdateSender): Reply {
    this.logger.log(`Handled /help: chat_id=${sender.chatId}`);
    return { text: helpText(sender.language) };
  }

  /** /balance: totals per currency and the latest operations. */
  async balance(user: User, now: Date = new Date()): Promise<Reply> {
    this.logger.log(`Handled /balance: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.phrases.balance(user, now);
  }

  /** /language: buttons for ru / uz / en. */
  chooseLanguage(user: User): Reply {
    this.logger.log(`Handled /language: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.phrases.chooseLanguage(user);
  }

  /** /currency: buttons for the default currency. */
  chooseCurrency(user: User): Reply {
    this.logger.log(`Handled /currency: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.phrases.chooseCurrency(user);
  }

  /** /phone +998901234567 */
  async setPhone(user: User, argument: string): Promise<Reply> {
    const outcome = await this.applyPhone(user, argument);
    this.logger.log(
      `Handled /phone: chat_id=${user.telegramChatId}, user_id=${user.id}: ${outcome.ok ? 'number updated' : outcome.reason}`,
    );
    return {
      text: phoneText(user.language, outcome),
      markup: outcome.ok ? { remove_keyboard: true } : undefined,
    };
  }

  /** A shared contact (the request_contact button): accepted only when it is the sender's own. */
  async sharedContact(
    user: User,
    fromId: number,
    contact: { userId?: number; phoneNumber: string },
  ): Promise<Reply> {
    if (contact.userId === undefined || contact.userId !== fromId) {
      this.logger.warn(`Refused a contact that is not the sender's own: chat_id=${user.telegramChatId}`);
      return { text: contactNotOwnText(user.language) };
    }
    // Telegram vouches that the sender's own contact carries their number: it is stored verified (and taken over
    // from a user who only typed it).
    const outcome = await this.applyPhone(user, normalizeContactPhone(contact.phoneNumber), 'verified');
    this.logger.log(
      `Contact received: chat_id=${user.telegramChatId}, user_id=${user.id}: ${outcome.ok ? 'number updated' : outcome.reason}`,
    );
    return {
      text: phoneText(user.language, outcome),
      markup: outcome.ok ? { remove_keyboard: true } : undefined,
    };
  }

  /** /login: a one-time code for the REST login (login_code). */
  async login(user: User): Promise<Reply> {
    const { code } = await this.loginCodes.issue(user.id);
    this.logger.log(`Handled /login: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return { text: loginCodeText(user.language, code, LOGIN_CODE_MINUTES) };
  }

  /** /app: a web_app button that opens the Mini App (only over https, which Telegram requires). */
  miniApp(sender: UpdateSender): Reply {
    const texts = miniAppTexts(sender.language);
    const url = telegramMiniAppUrl(this.config.publicUrl);
    this.logger.log(`Handled /app: chat_id=${sender.chatId}${url ? '' : ': PUBLIC_URL is not https'}`);
    if (!url) return { text: texts.unavailable };
    return { text: texts.open, markup: { inline_keyboard: [[{ text: texts.button, web_app: { url } }]] } };
  }

  /** /cancel: forgets whatever the session was waiting for. */
  async cancel(user: User): Promise<Reply> {
    const hadPending = await this.sessions.clearState(user);
    this.logger.log(`Handled /cancel: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return { text: cancelText(user.language, hadPending) };
  }

  /**
   * A voice note (voice, audio or video_note). Too long → a polite refusal, nothing downloaded; STT_PROVIDER=none →
   * the info reply (docs/interface.md §4); else it is queued durably (the webhook answers at once) and the voice
   * worker transcribes, records and replies. No reply now (null): the worker's "typing…" follows within moments.
   */
  async voice(input: UpdateSender & { note: VoiceNote }): Promise<Reply | null> {
    const { note } = input;
    this.logger.log(`Voice note received: chat_id=${input.chatId}, duration=${note.durationSeconds}s`);
    if (note.durationSeconds > this.config.stt.voiceMaxSeconds) {
      return {
        text: voiceTooLongText(input.language, note.durationSeconds, this.config.stt.voiceMaxSeconds),
      };
    }
    if (this.config.stt.provider === 'none') {
      return { text: voiceInfoText(input.language, note.durationSeconds, note.fileSize) };
    }
    const user = await this.ensureUser(input);
    await this.voiceNotes.enqueue(user.id, note);
    return null;
  }

  /** my_chat_member: the user blocked the bot (kicked) or came back (member). Nothing is sent. */
  async membership(chatId: number, status: string): Promise<void> {
    if (status !== 'kicked' && status !== 'member') return;
    await this.users.setActiveByChatId(BigInt(chatId), status === 'member');
    this.logger.log(
      `Chat membership: chat_id=${chatId}, ${status === 'kicked' ? 'the bot was blocked: inactive' : 'back: active'}`,
    );
  }

  /**
   * Any text that is not a known command: a phrase to record, an answer to "💬 Сколько?", or an intent (PhraseService).
   * Writing to the bot is as good as /start: an unknown chat gets its user created first (no welcome), so the first
   * thing a person types is recorded rather than refused.
   */
  async onText(input: TextInput): Promise<InlineReply> {
    if (input.text.trimStart().startsWith('/')) return { text: unknownCommandText(input.language) };
    const user = await this.ensureUser(input);
    // The answer to a household question ("what shall we call the family?"), or "семья" / "oila" / "family" alone.
    const family = await this.family.onText(user, input.text);
    if (family) return family;
    // The amount after a recurring payment's ✏️ Another amount (docs/recurring.md).
    const recurring = await this.recurringBot.onText(user, input.text, input.sentAt ?? new Date());
    if (recurring) return recurring;
    // The amount after /budget's ➕ New budget buttons (docs/budgets.md, "In the bot").
    const budget = await this.budgetsBot.onText(user, input.text, input.sentAt ?? new Date());
    if (budget) return budget;
    const reply = await this.phrases.onText(user, {
      chatId: input.chatId,
      text: input.text,
      updateId: input.updateId,
      sentAt: input.sentAt ?? new Date(),
      writtenAt: input.writtenAt,
      known: input.known,
    });
    return this.edits.followed(user, input, reply);
  }

  /**
   * An edited message (docs/message-edits.md): records follow the new text and the reply is edited to match; a
   * message that did nothing an edit can follow is read as a new message (tied to the edit's update id). Null: nothing
   * to say (an edit older than one already applied).
   */
  async onEdit(input: EditedInput): Promise<EditAnswer | null> {
    if (input.text.trimStart().startsWith('/')) return { text: commandEditedText(input.language) };
    const outcome = input.user
      ? await this.edits.onEdit(input.user, input)
      : ({ kind: 'read_as_new' } as const);
    switch (outcome.kind) {
      case 'answer':
        return outcome.answer;
      case 'stale':
        return null;
      case 'read_as_new':
        this.logger.log(
          `Edited message read as a new one: update_id=${input.updateId}, chat_id=${input.chatId}`,
        );
        return this.onText(input);
    }
  }

  /**
   * A photo, document, video or animation with a caption: the caption is read like a text message. Without one, and
   * for stickers, locations, polls …: what the bot understands (one answer per album). Before /start: the /start hint.
   */
  async media(input: MediaInput): Promise<Reply | null> {
    const album = input.mediaGroupId === undefined ? null : `${input.chatId}:${input.mediaGroupId}`;
    const first = album === null || this.albums.claim(album);
    if (input.caption?.trim()) return this.onText({ ...input, text: input.caption });
    if (!first) return null;
    this.logger.log(
      `Message without text (${input.kind}): update_id=${input.updateId}, chat_id=${input.chatId}`,
    );
    if (!input.user) return { text: needStartText(input.language) };
    return { text: mediaHintText(input.language, input.kind) };
  }

  /** A press on one of the bot's own inline buttons (the handler answers the unregistered with an alert). */
  onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    return this.buttons.onPress(user, input);
  }

  // -------------------------------------------------------------------------------------------------------------

  /** The sender's user, created like /start does (with a session) when the chat is new; reactivated if inactive. */
  private async ensureUser(sender: UpdateSender): Promise<User> {
    const known = sender.user;
    if (known?.isActive) return known;
    if (known) {
      await this.users.setActiveByChatId(known.telegramChatId, true);
      return known;
    }
    const { user, created } = await this.findOrCreate(sender);
    if (created) {
      await this.sessions.open(user);
      this.logger.log(`New user: chat_id=${sender.chatId}, user_id=${user.id}`);
    }
    return user;
  }

  private findOrCreate(sender: SenderProfile): Promise<{ user: User; created: boolean }> {
    return this.users.findOrCreate({
      chatId: BigInt(sender.chatId),
      firstName: sender.firstName,
      lastName: sender.lastName,
      username: sender.username ?? null,
      languageCode: sender.languageCode,
    });
  }

  /**
   * /phone types a number (stored unverified; "901234567" and "998901234567" are read as Uzbek); a shared own
   * contact proves it ('verified').
   */
  private async applyPhone(
    user: User,
    raw: string,
    proof: 'typed' | 'verified' = 'typed',
  ): Promise<PhoneOutcome> {
    const check = proof === 'typed' ? checkTypedPhoneNumber(raw) : checkPhoneNumber(raw);
    if (!check.ok) return { ok: false, reason: check.reason };
    try {
      const updated =
        proof === 'verified'
          ? await this.users.setVerifiedPhone(user.id, check.e164)
          : await this.users.updateProfile(user.id, { phone_number: check.e164 });
      return { ok: true, phone: updated.phoneNumber ?? check.e164 };
    } catch (error) {
      // The number is valid, so the only validation left to fail is "held by another user".
      if (error instanceof DomainError && error.code === 'validation') return { ok: false, reason: 'taken' };
      throw error;
    }
  }
}
