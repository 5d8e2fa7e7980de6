import { TooManyRequestsError } from '../errors';
import { message } from '../messages/message';

/**
 * How many expensive pieces of work (a workbook written, an upload read and applied) may be
 * under way at once: per user, and in all. Fifty exports started at once by one lead made every
 * user wait (p50 1.9 s), and six imports took the process to 1.4 GB; past its places, a request
 * is answered 429 with Retry-After at once, and whoever else asks is served.
 *
 * The count lives in this process's memory, so it is per app instance: behind a load balancer
 * with n instances a user may have up to n × perUser under way — each instance still protects
 * its own memory and processors, which is what the limit is for.
 */
export interface ConcurrencyLimit {
  /**
   * Takes one of the user's places, or throws 429 when the user — or the instance — has none
   * left. For work that outlives the handler (a streamed answer): release the place when it ends.
   */
  acquire(userId: number): Place;
  /**
   * Runs `work` in a place taken now and given back when the work settles — not when the answer
   * has been sent, so a client that hangs up cannot free its place while the work goes on.
   */
  run<T>(userId: number, work: () => Promise<T>): Promise<T>;
  /** Work under way: one user's, or everyone's. */
  inFlight(userId?: number): number;
}

export interface Place {
  /** Gives the place back; calling it again does nothing. */
  release(): void;
}

export interface ConcurrencyLimitOptions {
  perUser: number;
  total: number;
  /** What Retry-After says: a workbook of a sub-programme takes about a second, a cycle's several. */
  retryAfterSeconds?: number;
}

export function createConcurrencyLimit({
  perUser,
  total,
  retryAfterSeconds = 5,
}: ConcurrencyLimitOptions): ConcurrencyLimit {
  const byUser = new Map<number, number>();
  let all = 0;

  const acquire = (userId: number): Place => {
    const mine = byUser.get(userId) ?? 0;
    if (mine >= perUser)
      throw new TooManyRequestsError(message('request.tooManyOfYours', { places: perUser }), retryAfterSeconds);
    if (all >= total) throw new TooManyRequestsError(message('request.serverBusy'), retryAfterSeconds);
    byUser.set(userId, mine + 1);
    all++;
    let held = true;
    return {
      release() {
        if (!held) return;
        held = false;
        all--;
        const left = (byUser.get(userId) ?? 1) - 1;
        if (left === 0) byUser.delete(userId);
        else byUser.set(userId, left);
      },
    };
  };

  return {
    acquire,
    async run(userId, work) {
      const place = acquire(userId);
      try {
        return await work();
      } finally {
        place.release();
      }
    },
    inFlight: (userId) => (userId === undefined ? all : (byUser.get(userId) ?? 0)),
  };
}
