import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { DownloadsService } from '../downloads/downloads.service';
import { PrivacyService } from './privacy.service';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/users/me')
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly downloads: DownloadsService,
  ) {}

  @Get('export')
  @ApiOperation({
    summary: 'Everything stored about the caller, as JSON (streamed)',
    description:
      'Sections: user (profile), categories, transactions, bot_sessions (conversation state), login_codes and refresh_tokens ' +
      '(metadata only, never codes or tokens), idempotency_keys (key and status), and the other tables holding your rows. ' +
      'Amounts are decimal strings. One export at a time per user (CSV or JSON).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        exported_at: '2026-11-29T09:00:00.000Z',
        user: {
          id: '…',
          telegram_chat_id: '123456789',
          phone_number: '+998901234567',
          language: 'ru',
          currency: 'UZS',
          timezone: 'Asia/Tashkent',
        },
        categories: [],
        transactions: [
          {
            id: '…',
            type: 'expense',
            amount: '50000.00',
            currency: 'UZS',
            category: 'groceries',
            description: 'продукты',
          },
        ],
        bot_sessions: [],
        login_codes: [],
        refresh_tokens: [],
        idempotency_keys: [],
      },
    },
  })
  @ApiTooManyRequestsResponse({ description: 'Another export of this user is running (Retry-After)' })
  @ApiServiceUnavailableResponse({ description: 'Too many exports on this server right now (Retry-After)' })
  async export(@CurrentUser() auth: AuthUser, @Res() res: Response): Promise<void> {
    await this.downloads.send(
      res,
      auth.userId,
      { contentType: 'application/json; charset=utf-8' },
      this.privacy.exportJson(auth.userId),
    );
  }
}
