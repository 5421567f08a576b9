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
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import {
  AmountBodyDto,
  GoalBodyDto,
  goalChanges,
  GoalListQueryDto,
  GoalPatchDto,
  GoalResponseDto,
} from './goals.dto';
import { GoalJson, goalJson } from './goals.presenter';
import { GoalsService } from './goals.service';

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
  async list(@CurrentUser() auth: AuthUser, @Query() query: GoalListQueryDto, @Req() req: Request) {
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.goals.list(auth.userId, page, pageSize, query.status);
    return paginated(req, page, pageSize, count, rows.map(goalJson), this.config.publicUrl);
  }

  @Post()
  @ApiResponse({ status: 201, type: GoalResponseDto })
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
  @ApiOkResponse({ type: GoalResponseDto })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<GoalJson> {
    return goalJson(await this.goals.getOwned(auth.userId, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: GoalResponseDto })
  async update(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: GoalPatchDto,
  ): Promise<GoalJson> {
    return goalJson(await this.goals.update(auth.userId, id, goalChanges(body)));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    if (!(await this.goals.deleteOwned(auth.userId, id))) throw DomainError.notFound();
  }

  @Post(':id/contribute')
  @HttpCode(200)
  @ApiOkResponse({
    type: GoalResponseDto,
    description: 'The goal after the contribution; reaching the target completes it.',
  })
  async contribute(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: AmountBodyDto,
  ): Promise<GoalJson> {
    return goalJson((await this.goals.contribute(auth.userId, id, body.amount)).goal);
  }
}
