import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { ApiEndpoint } from '../../common/openapi/endpoint';
import {
  HouseholdBodyDto,
  householdChanges,
  HouseholdPatchDto,
  JoinBodyDto,
  TransferBodyDto,
} from './households.dto';
import { HouseholdJson, householdJson, InviteJson, inviteJson } from './households.presenter';
import { HouseholdInviteResponse, HouseholdResponse } from './households.responses';
import { HouseholdsService } from './households.service';

/**
 * /api/households/ (docs/households.md). `current` is always the caller's own household, read afresh on every
 * request: not in one → 404; a member asking for what only the owner may do → 403.
 */
@ApiTags('households')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Create a household; you become its owner (400 when you are in one already)',
    created: HouseholdResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async create(@CurrentUser() auth: AuthUser, @Body() body: HouseholdBodyDto): Promise<HouseholdJson> {
    return householdJson(
      await this.households.create(auth.userId, { name: body.name, currency: body.currency }),
    );
  }

  @Get('current')
  @ApiEndpoint({ summary: 'Your household with its members', ok: HouseholdResponse, errors: [401, 404] })
  async current(@CurrentUser() auth: AuthUser): Promise<HouseholdJson> {
    return householdJson(await this.households.current(auth.userId));
  }

  @Patch('current')
  @ApiEndpoint({
    summary: 'Rename your household or change its currency (owner only)',
    ok: HouseholdResponse,
    errors: [400, 401, 403, 404, 413, 415, 429],
  })
  async update(@CurrentUser() auth: AuthUser, @Body() body: HouseholdPatchDto): Promise<HouseholdJson> {
    return householdJson(await this.households.update(auth.userId, householdChanges(body)));
  }

  @Delete('current')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Dissolve your household: every membership and invite goes (owner only)',
    noContent: 'Dissolved',
    errors: [401, 403, 404, 429],
  })
  async dissolve(@CurrentUser() auth: AuthUser): Promise<void> {
    await this.households.dissolve(auth.userId);
  }

  @Post('current/invites')
  @ApiEndpoint({
    summary: 'A single-use invite link, valid 24 hours (owner only)',
    created: HouseholdInviteResponse,
    errors: [401, 403, 404, 429],
  })
  async invite(@CurrentUser() auth: AuthUser): Promise<InviteJson> {
    return inviteJson(await this.households.invite(auth.userId));
  }

  @Delete('current/invites/:token')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Revoke an unused invite of your household (owner only)',
    noContent: 'Revoked',
    errors: [401, 403, 404, 429],
  })
  async revokeInvite(@CurrentUser() auth: AuthUser, @Param('token') token: string): Promise<void> {
    await this.households.revokeInvite(auth.userId, token);
  }

  @Post('join')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Join a household with an invite token',
    ok: HouseholdResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async join(@CurrentUser() auth: AuthUser, @Body() body: JoinBodyDto): Promise<HouseholdJson> {
    return householdJson(await this.households.join(auth.userId, body.token));
  }

  @Post('current/leave')
  @HttpCode(204)
  @ApiEndpoint({
    summary:
      'Leave your household (an owner hands it to the longest-standing member, or dissolves it when alone)',
    noContent: 'Left',
    errors: [401, 404, 429],
  })
  async leave(@CurrentUser() auth: AuthUser): Promise<void> {
    await this.households.leave(auth.userId);
  }

  @Delete('current/members/:user_id')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Remove a member from your household (owner only; not yourself)',
    noContent: 'Removed',
    errors: [400, 401, 403, 404, 429],
  })
  async removeMember(@CurrentUser() auth: AuthUser, @Param('user_id') userId: string): Promise<void> {
    await this.households.removeMember(auth.userId, userId);
  }

  @Post('current/transfer')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Hand ownership to another member (owner only)',
    ok: HouseholdResponse,
    errors: [400, 401, 403, 404, 413, 415, 429],
  })
  async transfer(@CurrentUser() auth: AuthUser, @Body() body: TransferBodyDto): Promise<HouseholdJson> {
    return householdJson(await this.households.transfer(auth.userId, body.user_id));
  }
}
