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
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { JwtAuthGuard } from '../../common/guards/jwt-auth.guard';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import {
  CategoryListQueryDto,
  CreateCategoryDto,
  LearnedCategoryResponseDto,
  RenameCategoryDto,
} from './categories.dto';
import { CategoryJson, customCategoryJson, LearnedCategoryJson } from './categories.presenter';
import { CategoriesService } from './categories.service';

@ApiTags('categories')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: CategoryListQueryDto): Promise<CategoryJson[]> {
    return this.categories.list(auth.userId, query.type);
  }

  @Post()
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
  @ApiOkResponse({ type: LearnedCategoryResponseDto, isArray: true })
  listLearned(@CurrentUser() auth: AuthUser): Promise<LearnedCategoryJson[]> {
    return this.categories.listLearned(auth.userId);
  }

  @Delete('learned/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a learned word' })
  @ApiNoContentResponse({ description: 'Forgotten: the parser’s category applies again.' })
  @ApiNotFoundResponse({ description: 'No such word of yours.' })
  async forgetLearned(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.forgetLearned(auth.userId, id);
  }

  @Get(':id')
  async get(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<CategoryJson> {
    return customCategoryJson(await this.categories.get(auth.userId, id));
  }

  @Patch(':id')
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
  async remove(@CurrentUser() auth: AuthUser, @Param('id') id: string): Promise<void> {
    await this.categories.remove(auth.userId, id);
  }
}
