import { All, Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/openapi/errors';
import { RefreshTokenDto, TelegramLoginDto } from './auth.dto';
import { TelegramLoginResponse, TokenPairResponse } from './auth.responses';
import { AuthThrottleGuard } from './auth.throttle';
import { telegramLoginJson } from './auth.presenter';
import { AuthService } from './auth.service';
import { TokenPair } from './tokens.service';

@ApiTags('auth')
@UseGuards(AuthThrottleGuard)
@Controller('api/users/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('telegram-login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with a Telegram chat id and one Telegram-signed proof (init_data, Login Widget fields or login_code)',
  })
  @ApiOkResponse({ type: TelegramLoginResponse })
  @ApiErrors(400, 401, 413, 415, 429)
  async telegramLogin(@Body() body: TelegramLoginDto) {
    return telegramLoginJson(await this.auth.telegramLogin(body));
  }

  @Post('refresh-token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a refresh token: a new access and refresh token; the old refresh token stops working',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401, 413, 415, 429)
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refresh);
  }

  @All(['telegram-login', 'refresh-token'])
  @ApiExcludeEndpoint()
  methodNotAllowed(@Req() req: Request): never {
    throw new DomainError('method_not_allowed', `Method "${req.method}" not allowed.`);
  }
}
