import { readFileSync, writeFileSync } from 'node:fs';

/** Resident memory of this process, as a bench child measures its own work. Figures in MiB. */

const MIB = 1024 * 1024;
export const mib = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;

/** VmHWM (the kernel's peak resident set size) of this process, or null off Linux. */
export function highWaterMark(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Resets VmHWM to the current RSS (Linux: `5` into clear_refs) of this process or of a child
 * (a spawned server); answers whether it could.
 */
export function resetHighWaterMark(pid: number | 'self' = 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface MemoryFigures {
  /** RSS when the measured work started. */
  rssBeforeMb: number;
  /** The largest RSS sampled every `intervalMs` while it ran. */
  sampledPeakMb: number;
  /** The kernel's peak (VmHWM) over the work alone when it could be reset at the start, else over the process. */
  peakMb: number | null;
  hwmReset: boolean;
  samples: number;
}

/**
 * Watches this process's RSS while some work runs: sampled every `intervalMs` (a sample can miss
 * a spike while the event loop is busy) and the kernel's own high-water mark, reset at the start
 * so it is the work's alone.
 */
export async function watchMemory<T>(
  work: () => Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; memory: MemoryFigures }> {
  const hwmReset = resetHighWaterMark();
  const before = process.memoryUsage.rss();
  let peak = before;
  let samples = 0;
  const timer = setInterval(() => {
    samples++;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      result,
      memory: { rssBeforeMb: mib(before), sampledPeakMb: mib(peak), peakMb: highWaterMark(), hwmReset, samples },
    };
  } finally {
    clearInterval(timer);
  }
}
