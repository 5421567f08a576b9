import { Body, Controller, Get, Patch, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { profilePatch, UpdateMeDto } from './users.dto';
import { userJson } from './users.presenter';
import { UserResponse } from './users.responses';
import { UsersService } from './users.service';
import { PhoneChangeLimit } from './phone-change-limit.interceptor';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/users/me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiEndpoint({ summary: 'Your profile', ok: UserResponse, errors: [401] })
  async me(@CurrentUser() auth: AuthUser) {
    return userJson(await this.users.ofRequest(auth));
  }

  /** A typed phone number proves nothing: stored unverified whoever else has it (README, "The Telegram bot"); limited per user. */
  @Patch()
  @ApiEndpoint({
    summary: 'Change your profile: any of its fields',
    ok: UserResponse,
    errors: [400, 401, 413, 415, 429],
  })
  @UseInterceptors(PhoneChangeLimit)
  async update(@CurrentUser() auth: AuthUser, @Body() body: UpdateMeDto) {
    return userJson(await this.users.updateProfile(auth.userId, profilePatch(body)));
  }
}
