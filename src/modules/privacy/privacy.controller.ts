import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { DownloadsService } from '../downloads/downloads.service';
import { PrivacyService } from './privacy.service';
import { ExportedProfile, PRIVACY_EXPORT_SCHEMA } from './privacy.responses';
import { ApiErrors } from '../../common/openapi/errors';

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
  @ApiExtraModels(ExportedProfile)
  @ApiOkResponse({ schema: PRIVACY_EXPORT_SCHEMA })
  @ApiErrors(401, 429, 503)
  async export(@CurrentUser() auth: AuthUser, @Res() res: Response): Promise<void> {
    await this.downloads.send(
      res,
      auth.userId,
      { contentType: 'application/json; charset=utf-8' },
      this.privacy.exportJson(auth.userId),
    );
  }
}
