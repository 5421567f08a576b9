import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { AmountBodyDto, GoalBodyDto, goalChanges, GoalListQueryDto, GoalPatchDto } from './goals.dto';
import { GoalJson, goalJson } from './goals.presenter';
import { GoalsService } from './goals.service';
import { GoalPageResponse, GoalResponse } from './goals.responses';
import { ApiErrors } from '../../common/openapi/errors';
import { ApiEndpoint } from '../../common/openapi/endpoint';

@ApiTags('goals')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'Your savings goals, a page at a time',
    ok: GoalPageResponse,
    errors: [400, 401, 404],
  })
  async list(@CurrentUser() auth: AuthUser, @Query() query: GoalListQueryDto, @Req() req: Request) {
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.goals.list(auth.userId, page, pageSize, query.status);
    return paginated(req, page, pageSize, count, rows.map(goalJson), this.config.publicUrl);
  }

  @Post()
  @ApiEndpoint({ summary: 'Add a savings goal', created: GoalResponse, errors: [400, 401, 413, 415, 429] })
  async create(@CurrentUser() auth: AuthUser, @Body() body: GoalBodyDto): Promise<GoalJson> {
    return goalJson(
      await this.goals.create(auth.userId, {
        title: body.title,
        targetMinor: body.target_amount,
        currency: body.currency,
        deadline: body.deadline,
      }),
    );
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One of your goals', ok: GoalResponse, errors: [401, 404] })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<GoalJson> {
    return goalJson(await this.goals.getOwned(auth.userId, id));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Change a goal: any of its fields',
    ok: GoalResponse,
    errors: [400, 401, 404, 413, 415, 429],
  })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: GoalPatchDto,
  ): Promise<GoalJson> {
    return goalJson(await this.goals.update(auth.userId, id, goalChanges(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({ summary: 'Delete a goal', noContent: 'Deleted', errors: [401, 404, 429] })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    if (!(await this.goals.deleteOwned(auth.userId, id))) throw DomainError.notFound();
  }

  @Post(':id/contribute')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put money towards a goal' })
  @ApiOkResponse({
    type: GoalResponse,
    description: 'The goal after the contribution; reaching the target completes it.',
  })
  @ApiErrors(400, 401, 404, 413, 415, 429)
  async contribute(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: AmountBodyDto,
  ): Promise<GoalJson> {
    return goalJson((await this.goals.contribute(auth.userId, id, body.amount)).goal);
  }
}
