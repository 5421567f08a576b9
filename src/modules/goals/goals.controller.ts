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
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { bodyObject } from '../../common/http/body';
import { paginated, readPagination } from '../../common/http/pagination';
import { AppConfig } from '../../config/app-config';
import { AmountBodyDto, GoalBodyDto, GoalResponseDto } from './goals.dto';
import { GoalJson, goalJson, GoalsService } from './goals.service';

function readStatus(query: Record<string, unknown>): 'active' | 'completed' | undefined {
  const value = Array.isArray(query.status) ? query.status[0] : query.status;
  if (value === undefined || value === '') return undefined;
  if (value === 'active' || value === 'completed') return value;
  throw new DomainError('validation', 'Invalid filter', {
    status: [`Select a valid choice. ${String(value)} is not one of the available choices.`],
  });
}

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
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'completed'] })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'page_size', required: false, description: 'Default 20, at most 100' })
  async list(@CurrentUser() auth: AuthUser, @Query() query: Record<string, unknown>, @Req() req: Request) {
    const status = readStatus(query);
    const { page, pageSize } = readPagination(query);
    const { rows, count } = await this.goals.list(auth.userId, page, pageSize, status);
    return paginated(req, page, pageSize, count, rows.map(goalJson), this.config.publicUrl);
  }

  @Post()
  @ApiResponse({ status: 201, type: GoalResponseDto })
  async create(@CurrentUser() auth: AuthUser, @Body() body: GoalBodyDto): Promise<GoalJson> {
    return goalJson(await this.goals.createFromApi(auth.userId, bodyObject(body)));
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
    @Body() body: GoalBodyDto,
  ): Promise<GoalJson> {
    return goalJson(await this.goals.updateFromApi(auth.userId, id, bodyObject(body)));
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
    return goalJson((await this.goals.contributeFromApi(auth.userId, id, bodyObject(body))).goal);
  }
}
