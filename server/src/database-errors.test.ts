import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isTransactionConflict } from './database-errors';

describe('isDatabaseUnavailable', () => {
  it('recognises refused connections, shutdowns and lost connections', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })]))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error(), { code: '08006' }) }))).toBe(
      true,
    );
  });

  it('does not mistake a bug or a constraint for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('isTransactionConflict', () => {
  it('recognises a deadlock and a serialisation failure, nothing else', () => {
    expect(isTransactionConflict(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isTransactionConflict(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe(true);
    expect(isTransactionConflict(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isTransactionConflict(new Error('no code'))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});
