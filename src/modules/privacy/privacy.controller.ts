import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { PrivacyService } from './privacy.service';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/users/me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Everything stored about the caller, as JSON',
    description:
      'Sections: user (profile), categories, transactions, bot_sessions (conversation state), login_codes and refresh_tokens ' +
      '(metadata only, never codes or tokens), idempotency_keys (key and status). Amounts are decimal strings.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        exported_at: '2026-11-29T09:00:00.000Z',
        user: { id: '…', telegram_chat_id: '123456789', phone_number: '+998901234567', language: 'ru', currency: 'UZS', timezone: 'Asia/Tashkent' },
        categories: [],
        transactions: [{ id: '…', type: 'expense', amount: '50000.00', currency: 'UZS', category: 'groceries', description: 'продукты' }],
        bot_sessions: [],
        login_codes: [],
        refresh_tokens: [],
        idempotency_keys: [],
      },
    },
  })
  async export(@CurrentUser() auth: AuthUser) {
    return this.privacy.exportAll(auth.userId);
  }
}
