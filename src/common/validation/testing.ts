/** For specs: a body through the validation pipe as a DTO, or the DRF field errors it gets. */
import { Type } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { FieldErrors } from './messages';
import { drfValidationPipe } from './validation.pipe';

export async function checkBody<T>(
  dto: Type<T>,
  body: unknown,
  type: 'body' | 'query' = 'body',
): Promise<{ value?: T; errors: FieldErrors }> {
  try {
    const value = (await drfValidationPipe().transform(body, { type, metatype: dto })) as T;
    return { value, errors: {} };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation' && error.fields)
      return { errors: error.fields };
    throw error;
  }
}
