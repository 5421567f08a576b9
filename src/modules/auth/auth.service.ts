import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { TelegramLoginDto } from './auth.dto';
import { LoginCodesService } from './login-codes.service';
import {
  ProofFailure,
  TelegramIdentity,
  verifyInitData,
  verifyLoginWidget,
  WIDGET_FIELDS,
  WidgetData,
} from './telegram-proof';
import { TokenPair, TokensService } from './tokens.service';

/** A login: the new token pair, the user (with the phone just given) and whether the user was created now. */
export interface TelegramLogin {
  tokens: TokenPair;
  user: User;
  created: boolean;
}

type ProofKind = 'init_data' | 'widget' | 'login_code';
type Refusal = ProofFailure | 'missing' | 'several' | 'mismatch' | 'bad_code' | 'not_configured';

const REFUSAL_DETAIL: Record<Refusal, string> = {
  missing:
    'Telegram authentication required: send init_data, the Login Widget fields or a login_code from the bot.',
  several: 'Send exactly one Telegram authentication proof.',
  malformed: 'Telegram authentication data is malformed.',
  bad_hash: 'Telegram authentication data is invalid.',
  stale: 'Telegram authentication data is too old.',
  future: 'Telegram authentication date is in the future.',
  no_user: 'Telegram authentication data carries no user.',
  mismatch: 'Telegram authentication data does not match telegram_chat_id.',
  bad_code: 'Login code is invalid or expired. Send /login to the bot for a new one.',
  not_configured: 'Telegram authentication is not configured on this server.',
};

/**
 * telegram-login and refresh-token. In `verified` mode a login needs one Telegram-signed proof whose user id equals
 * telegram_chat_id; in `trusted` mode the chat id alone (the seed's behaviour).
 * An inactive user (one who blocked the bot) may still log in: the REST API and Mini App do not depend on the bot
 * chat, and blocking the bot is not a request to lose one's data.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly loginCodes: LoginCodesService,
  ) {}

  /** A checked login body: the chat id, the phone (E.164, or null/absent for none) and the proof fields as sent. */
  async telegramLogin(body: TelegramLoginDto, now = new Date()): Promise<TelegramLogin> {
    const chatId = body.telegram_chat_id;
    const phone = body.phone_number ?? undefined;

    let identity: Partial<TelegramIdentity> = {};
    if (this.config.auth.telegramLogin === 'verified') identity = await this.verifyProof(body, chatId, now);

    const { user, created } = await this.users.findOrCreate({
      chatId,
      firstName: identity.firstName,
      lastName: identity.lastName,
      username: identity.username ?? null,
      languageCode: identity.languageCode,
    });
    const current =
      phone && phone !== user.phoneNumber
        ? await this.users.updateProfile(user.id, { phone_number: phone })
        : user;
    const pair = await this.tokens.issueForLogin(user.id);
    this.logger.log(
      `Telegram аутентификация: chat_id=${chatId}, user_id=${user.id}, new_user=${created ? 'True' : 'False'}`,
    );
    return { tokens: pair, user: current, created };
  }

  /** Rotates a refresh token (trimmed, non-blank). */
  async refresh(token: string): Promise<TokenPair> {
    try {
      return await this.tokens.refresh(token);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'token_not_valid')
        this.logger.warn(`Refresh refused: ${error.message}`);
      throw error;
    }
  }

  /** Checks the one proof of a verified login; returns what it tells about the user. */
  private async verifyProof(
    body: TelegramLoginDto,
    chatId: bigint,
    now: Date,
  ): Promise<Partial<TelegramIdentity>> {
    const kinds: ProofKind[] = [];
    if (body.init_data !== undefined) kinds.push('init_data');
    if (body.hash !== undefined) kinds.push('widget');
    if (body.login_code !== undefined) kinds.push('login_code');
    if (kinds.length !== 1)
      this.refuse(chatId, kinds.join('+') || 'none', kinds.length ? 'several' : 'missing');
    const kind = kinds[0];

    if (kind === 'login_code') {
      if (typeof body.login_code !== 'string') this.refuse(chatId, kind, 'bad_code');
      const userId = await this.loginCodes.consume(body.login_code as string, chatId);
      if (!userId) this.refuse(chatId, kind, 'bad_code');
      return {};
    }

    const botToken = this.config.bot.token;
    if (!botToken) this.refuse(chatId, kind, 'not_configured');
    const result =
      kind === 'init_data'
        ? typeof body.init_data === 'string'
          ? verifyInitData(botToken as string, body.init_data, now)
          : ({ ok: false, reason: 'malformed' } as const)
        : verifyLoginWidget(botToken as string, pickWidget(body), now);
    if (!result.ok) this.refuse(chatId, kind, result.reason);
    if (result.identity.userId !== chatId) this.refuse(chatId, kind, 'mismatch');
    return result.identity;
  }

  private refuse(chatId: bigint, proof: string, reason: Refusal): never {
    this.logger.warn(`Telegram login refused: chat_id=${chatId}, proof=${proof}, reason=${reason}`);
    throw new DomainError('telegram_auth_failed', REFUSAL_DETAIL[reason]);
  }
}

function pickWidget(body: TelegramLoginDto): WidgetData {
  const data: WidgetData = {};
  for (const key of WIDGET_FIELDS) if (body[key] !== undefined) data[key] = body[key];
  return data;
}
