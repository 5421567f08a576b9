import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[field] = Object.values(error.constraints).reverse();
    if (error.children?.length) collect(error.children, field, out);
  }
  return out;
}

/** DTO validation with DRF-shaped errors: 400 {"field": ["message", …]}. Unknown fields are dropped. */
export function drfValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(collect(errors)),
  });
}
