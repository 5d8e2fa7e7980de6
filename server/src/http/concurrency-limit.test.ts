import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors';
import { createConcurrencyLimit } from './concurrency-limit';

describe('the places for expensive work', () => {
  it('gives each user at most perUser at once, whatever the others hold', () => {
    const limit = createConcurrencyLimit({ perUser: 2, total: 10 });
    const first = limit.acquire(1);
    limit.acquire(1);
    expect(() => limit.acquire(1)).toThrow(TooManyRequestsError);
    // Another user is not held up by the first one's work.
    limit.acquire(2);
    expect(limit.inFlight(1)).toBe(2);
    expect(limit.inFlight()).toBe(3);
    first.release();
    expect(limit.inFlight(1)).toBe(1);
    expect(() => limit.acquire(1)).not.toThrow();
  });

  it('answers 429 with Retry-After once the instance is full, and a place released twice counts once', () => {
    const limit = createConcurrencyLimit({ perUser: 2, total: 3, retryAfterSeconds: 7 });
    const places = [limit.acquire(1), limit.acquire(2), limit.acquire(3)];
    let refusal: unknown;
    try {
      limit.acquire(4);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: 7 });
    places[0]!.release();
    places[0]!.release();
    expect(limit.inFlight()).toBe(2);
    limit.acquire(4);
    expect(() => limit.acquire(5)).toThrow(TooManyRequestsError);
  });

  it('holds a place while the work runs and gives it back however the work ends', async () => {
    const limit = createConcurrencyLimit({ perUser: 1, total: 5 });
    let finish!: () => void;
    const running = limit.run(1, () => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await expect(limit.run(1, async () => 'second')).rejects.toBeInstanceOf(TooManyRequestsError);
    finish();
    await expect(running).resolves.toBe('done');
    await expect(
      limit.run(1, async () => {
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect(limit.inFlight(1)).toBe(0);
    await expect(limit.run(1, async () => 'again')).resolves.toBe('again');
  });
});
