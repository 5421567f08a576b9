import { Allow, ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { IsAmount, IsText } from './field-rules';
import { checkBody } from './testing';
import { drfValidationPipe, fieldErrorsOf, fieldsOf, validationException } from './validation.pipe';

class Body {
  @IsText({ max: 10, required: true }) title!: string;
  @IsAmount() amount?: bigint;
  @Allow() extra?: unknown;
}

describe('validation pipe', () => {
  it.each([
    [[1], 'Invalid data. Expected a dictionary, but got list.'],
    ['x', 'Invalid data. Expected a dictionary, but got str.'],
    [5, 'Invalid data. Expected a dictionary, but got int.'],
    [1.5, 'Invalid data. Expected a dictionary, but got float.'],
    [true, 'Invalid data. Expected a dictionary, but got bool.'],
    [null, 'Invalid data. Expected a dictionary, but got NoneType.'],
  ])('refuses the body %j as DRF does', async (body, message) => {
    expect((await checkBody(Body, body)).errors).toEqual({ non_field_errors: [message] });
  });

  it('takes no body as an empty one', async () => {
    expect((await checkBody(Body, undefined)).errors).toEqual({ title: ['This field is required.'] });
  });

  it('throws a 400 validation DomainError with every field, in the order of the DTO', async () => {
    const pipe = drfValidationPipe();
    const error = await pipe
      .transform({ amount: 'x', title: 5 }, { type: 'body', metatype: Body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect(JSON.stringify((error as DomainError).fields)).toBe(
      '{"title":["Not a valid string."],"amount":["A valid number is required."]}',
    );
  });

  it('copies only the declared fields; an object a rule lets through is kept as sent, not walked', async () => {
    const nested = { deep: { deeper: [1, 2, 3] } };
    const { value } = await checkBody(Body, { title: ' t ', extra: nested, unknown: { a: 1 } });
    expect(value).toBeInstanceOf(Body);
    expect(value!.title).toBe('t');
    expect(value!.extra).toBe(nested);
    expect(value).not.toHaveProperty('unknown');
  });

  it('lists the fields a DTO declares', () => {
    expect(fieldsOf(Body)).toEqual(['title', 'amount', 'extra']);
  });

  it('passes parameters without a DTO through', async () => {
    const pipe = drfValidationPipe();
    expect(await pipe.transform('abc', { type: 'param', metatype: String })).toBe('abc');
    expect(await pipe.transform({ a: 1 }, { type: 'body', metatype: Object })).toEqual({ a: 1 });
  });
});

describe('the exception factory', () => {
  it('names nested fields parent.child and keeps every message of a field', () => {
    const child = Object.assign(new ValidationError(), {
      property: 'b',
      constraints: { x: 'second', y: 'first' },
    });
    const parent = Object.assign(new ValidationError(), { property: 'a', children: [child] });
    const top = Object.assign(new ValidationError(), { property: 'c', constraints: { z: 'only' } });
    expect(fieldErrorsOf([parent, top])).toEqual({ 'a.b': ['first', 'second'], c: ['only'] });
    const error = validationException([top]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fields).toEqual({ c: ['only'] });
  });
});
