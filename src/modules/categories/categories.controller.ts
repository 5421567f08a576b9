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
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { CategoryListQueryDto, CreateCategoryDto, RenameCategoryDto } from './categories.dto';
import {
  categoryJson,
  CategoryJson,
  customCategoryJson,
  LearnedCategoryJson,
  learnedCategoryJson,
} from './categories.presenter';
import { CategoriesService } from './categories.service';
import { CategoryResponse, LearnedCategoryResponse } from './categories.responses';
import { ApiErrors } from '../../common/openapi/errors';
import { ApiEndpoint } from '../../common/openapi/endpoint';

@ApiTags('categories')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiEndpoint({
    summary: 'The default categories (in your language) and your own',
    ok: [CategoryResponse],
    errors: [400, 401],
  })
  async list(@CurrentUser() auth: AuthUser, @Query() query: CategoryListQueryDto): Promise<CategoryJson[]> {
    return (await this.categories.list(auth.userId, query.type)).map(categoryJson);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Add a category of your own',
    created: CategoryResponse,
    errors: [400, 401, 413, 415, 429],
  })
  async create(@CurrentUser() auth: AuthUser, @Body() body: CreateCategoryDto): Promise<CategoryJson> {
    return customCategoryJson(
      await this.categories.create(auth.userId, { type: body.type, name: body.name }),
    );
  }

  // Declared before ':id', so "learned" is not read as a category id.
  @Get('learned')
  @ApiOperation({
    summary: 'Words learned from your category corrections',
    description:
      'Changing a record’s category (the bot’s 🏷 buttons, PATCH/PUT of a transaction) teaches the key word of its description: ' +
      'the bot and POST /api/transactions/parse/ then use that category first for records of the same type naming the word.',
  })
  @ApiOkResponse({ type: LearnedCategoryResponse, isArray: true })
  @ApiErrors(401)
  async listLearned(@CurrentUser() auth: AuthUser): Promise<LearnedCategoryJson[]> {
    return (await this.categories.listLearned(auth.userId)).map(learnedCategoryJson);
  }

  @Delete('learned/:id')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Forget a learned word',
    noContent: 'Forgotten: the parser’s category applies again.',
    errors: [401, 404, 429],
  })
  async forgetLearned(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.forgetLearned(auth.userId, id);
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One of your own categories', ok: CategoryResponse, errors: [401, 404] })
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<CategoryJson> {
    return customCategoryJson(await this.categories.get(auth.userId, id));
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Rename one of your own categories (a default one → 400)',
    ok: CategoryResponse,
    errors: [400, 401, 404, 413, 415, 429],
  })
  async rename(
    @CurrentUser() auth: AuthUser,
    @Param('id') id: string,
    @Body() body: RenameCategoryDto,
  ): Promise<CategoryJson> {
    return customCategoryJson(
      await this.categories.rename(auth.userId, id, { name: body.name, type: body.type }),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiEndpoint({
    summary: 'Delete one of your own categories (a default one → 400)',
    noContent: 'Deleted',
    errors: [400, 401, 404, 429],
  })
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.remove(auth.userId, id);
  }
}
