import { createContext, useContext, useEffect, useId, useRef } from 'react';
import type { Location } from 'react-router';

/** A form with unsaved text, as the leave guard knows it. */
export interface UnsavedWork {
  /** Whether going to `next` takes the form off the screen (by default: another page). */
  leaves: (next: Location, current: Location) => boolean;
  /** The user chose to leave without saving: forget any draft kept of it. */
  onDiscard?: () => void;
}

export interface LeaveGuard {
  register: (id: string, work: UnsavedWork) => () => void;
  /**
   * Asks, when something is unsaved, whether to leave without saving (for a step that is not a
   * navigation, such as signing out). True when nothing is unsaved or the user chose to leave.
   */
  confirmLeave: () => Promise<boolean>;
}

export const LeaveGuardContext = createContext<LeaveGuard | null>(null);

export const leavesPage = (next: Location, current: Location) => next.pathname !== current.pathname;

/**
 * Marks a form as holding unsaved work while `dirty`: leaving it by a link, the browser's back
 * button, a reload or closing the tab asks first. Outside the app's layout (no guard) it does nothing.
 */
export function useUnsavedChanges(dirty: boolean, work: Partial<UnsavedWork> = {}): void {
  const guard = useContext(LeaveGuardContext);
  const id = useId();
  // The latest callbacks, without registering again on every render.
  const latest = useRef(work);
  latest.current = work;
  useEffect(() => {
    if (!dirty || !guard) return;
    return guard.register(id, {
      leaves: (next, current) => (latest.current.leaves ?? leavesPage)(next, current),
      onDiscard: () => latest.current.onDiscard?.(),
    });
  }, [dirty, guard, id]);
}

/** Asks before a step that would drop unsaved work (see LeaveGuard.confirmLeave). */
export function useConfirmLeave(): () => Promise<boolean> {
  const guard = useContext(LeaveGuardContext);
  return guard ? guard.confirmLeave : () => Promise.resolve(true);
}

/** Leaving the page, or changing the query parameter that names what a panel shows (`?item=`). */
export const leavesPageOrParam =
  (param: string) =>
  (next: Location, current: Location): boolean =>
    next.pathname !== current.pathname ||
    new URLSearchParams(next.search).get(param) !== new URLSearchParams(current.search).get(param);
