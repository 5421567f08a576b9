import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { UpdateMeDto } from './users.dto';
import { userJson, UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/users/me')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async me(@CurrentUser() auth: AuthUser) {
    return userJson(await this.users.getById(auth.userId));
  }

  @Patch()
  async update(@CurrentUser() auth: AuthUser, @Body() body: UpdateMeDto) {
    return userJson(await this.users.updateProfile(auth.userId, body));
  }
}
