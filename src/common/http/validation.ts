import { ArgumentMetadata, BadRequestException, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, validate } from 'class-validator';
import { notADictionary } from './body';

function collect(
  errors: ValidationError[],
  prefix = '',
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[field] = Object.values(error.constraints).reverse();
    if (error.children?.length) collect(error.children, field, out);
  }
  return out;
}

const declaredFields = new WeakMap<Type, readonly string[]>();

/** The properties a DTO class declares (any class-validator decorator, `@Allow()` included), cached per class. */
export function fieldsOf(dto: Type): readonly string[] {
  let fields = declaredFields.get(dto);
  if (!fields) {
    fields = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', true, false)
          .map((m) => m.propertyName),
      ),
    ];
    declaredFields.set(dto, fields);
  }
  return fields;
}

const BUILT_IN: ReadonlySet<unknown> = new Set([String, Boolean, Number, Array, Object, BigInt]);

/**
 * DTO validation with DRF-shaped errors: 400 {"field": ["message", …]}.
 *
 * A request body becomes its DTO by copying the fields the DTO declares, and only those (what `whitelist` keeps):
 * nothing walks the keys a client added, at any depth. Nest's ValidationPipe would first run class-transformer's
 * plainToInstance over the whole body, whose key pass is quadratic in the number of keys (a 1 MB body of 131,070
 * keys held the event loop for 22 s, and a nested object under a declared field is walked the same way). Our DTOs
 * declare raw fields (`@Allow() x?: unknown`, read by the services' own readers), so there is nothing for
 * class-transformer to convert. A body that is not a JSON object is refused as DRF does. Other parameters go
 * through Nest's pipe unchanged.
 */
class DrfValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' ? metadata.metatype : undefined;
    if (!dto || BUILT_IN.has(dto)) return super.transform(value, metadata);
    const problem = value === undefined ? undefined : notADictionary(value);
    if (problem) throw new BadRequestException({ non_field_errors: [problem] });
    const body = (value ?? {}) as Record<string, unknown>;
    const instance = new (dto as new () => Record<string, unknown>)();
    for (const field of fieldsOf(dto))
      if (Object.prototype.hasOwnProperty.call(body, field)) instance[field] = body[field];
    const errors = await validate(instance, {
      whitelist: true,
      stopAtFirstError: true,
      forbidUnknownValues: false,
    });
    if (errors.length) throw new BadRequestException(collect(errors));
    return instance;
  }
}

export function drfValidationPipe(): ValidationPipe {
  return new DrfValidationPipe({
    whitelist: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(collect(errors)),
  });
}
