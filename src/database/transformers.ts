import { ValueTransformer } from 'typeorm';
import { parseDbDecimal, toDecimalString } from '../common/money';

/** bigint column <-> bigint. pg returns int8 as a string; never go through Number. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null || value === undefined ? value : BigInt(value)),
};

/** numeric(15,2) column <-> bigint minor units. pg returns numeric as a string ("50000.00"). */
export const moneyTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : toDecimalString(value),
  from: (value: string | null) => (value === null || value === undefined ? value : parseDbDecimal(value)),
};
