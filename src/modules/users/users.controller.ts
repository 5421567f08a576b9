import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { RateLimiter } from '../../common/rate-limit/rate-limiter';
import { UpdateMeDto } from './users.dto';
import { userJson, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/users/me')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly limiter: RateLimiter,
  ) {}

  @Get()
  async me(@CurrentUser() auth: AuthUser) {
    return userJson(await this.users.getById(auth.userId));
  }

  /** A typed phone number proves nothing: stored unverified whoever else has it (README, "The Telegram bot"); limited per user. */
  @Patch()
  async update(@CurrentUser() auth: AuthUser, @Body() body: UpdateMeDto) {
    if (typeof body?.phone_number === 'string' && body.phone_number)
      await this.limiter.consume(this.limiter.rules.phoneChanges, auth.userId);
    return userJson(await this.users.updateProfile(auth.userId, body));
  }
}
