import { useState } from 'react';

/**
 * Whether an action is under way, and how to run one: a second run while the first is still going
 * is ignored, and the flag clears however the action ends.
 */
export function useBusy(): [busy: boolean, run: (action: () => Promise<unknown>) => void] {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return [busy, run];
}
