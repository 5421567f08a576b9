import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { notADictionary } from '../http/body';
import { FieldErrors } from './messages';

/** class-validator's errors as DRF field errors: {"field": ["message"]}, nested fields as `parent.child`. */
export function fieldErrorsOf(errors: ValidationError[], prefix = '', out: FieldErrors = {}): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) out[field] = Object.values(error.constraints).reverse();
    if (error.children?.length) fieldErrorsOf(error.children, field, out);
  }
  return out;
}

/** The one exception factory: failed DTO rules become a 400 validation DomainError (HttpExceptionFilter's body). */
export function validationException(errors: ValidationError[]): DomainError {
  return new DomainError('validation', 'Invalid input', fieldErrorsOf(errors));
}

const declaredFields = new WeakMap<Type, readonly string[]>();

/** The properties a DTO class declares (any class-validator decorator), cached per class. */
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

/** A primitive, or an array of primitives (a repeated query parameter). */
function isFlat(value: unknown): boolean {
  const primitive = (v: unknown) => v === null || typeof v !== 'object';
  return primitive(value) || (Array.isArray(value) && value.every(primitive));
}

const BUILT_IN: ReadonlySet<unknown> = new Set([String, Boolean, Number, Array, Object, BigInt]);

/**
 * DTO validation with DRF-shaped errors: 400 {"field": ["message"]} (docs/interface.md §3).
 *
 * A body (or query) becomes its DTO in three steps: copy the fields the DTO declares, and only those (what
 * `whitelist` keeps; unknown fields are ignored as DRF ignores them); check them with the DTO's rules, every field
 * at once; only then run class-transformer over the copied, now valid, fields (trimming, minor units …). Nothing
 * walks the keys a client added, at any depth: class-transformer's key pass is quadratic in the number of keys (a
 * 1 MB body of 131,070 keys held the event loop for 22 s), and before the rules pass a declared field may hold any
 * nested object. A body that is not a JSON object is refused as DRF does. Other parameters go through Nest's pipe.
 */
class DrfValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' || metadata.type === 'query' ? metadata.metatype : undefined;
    if (!dto || BUILT_IN.has(dto)) return super.transform(value, metadata);
    const problem = value === undefined ? undefined : notADictionary(value);
    if (problem) throw DomainError.validation('non_field_errors', problem);
    const input = (value ?? {}) as Record<string, unknown>;
    const fields: Record<string, unknown> = {};
    const raw = new (dto as new () => Record<string, unknown>)();
    for (const field of fieldsOf(dto))
      if (Object.prototype.hasOwnProperty.call(input, field)) raw[field] = fields[field] = input[field];
    const errors = await validate(raw, {
      whitelist: true,
      stopAtFirstError: true,
      forbidUnknownValues: false,
    });
    if (errors.length) throw validationException(errors);
    // Objects a rule lets through as sent (an `@Allow()` field) are never walked: they keep their raw value.
    const simple: Record<string, unknown> = {};
    const kept: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(fields)) (isFlat(v) ? simple : kept)[field] = v;
    return Object.assign(plainToInstance(dto, simple), kept);
  }
}

export function drfValidationPipe(): ValidationPipe {
  return new DrfValidationPipe({
    whitelist: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: validationException,
  });
}
