import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker, useLocation } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/i18n-context';
import { isSessionEndedState } from '../../../utils/login-redirect';
import { LeaveGuardContext, type LeaveGuard, type UnsavedWork } from '../../../hooks/use-unsaved-changes';

/**
 * One guard for the whole app (react-router allows one blocker): forms with unsaved work register
 * with it, and a navigation that would take one of them away asks first — within the app with a
 * dialog of ours, leaving the app with the browser's own question. When the session has ended the
 * way to the sign-in page is never blocked: the work is kept as a draft and comes back after it.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const works = useRef(new Map<string, UnsavedWork>());
  // After "leave without saving" for a step of our own (signing out), the navigation it makes passes.
  const allowNext = useRef(false);
  const [asking, setAsking] = useState<((leave: boolean) => void) | null>(null);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowNext.current) return false;
    if (isSessionEndedState(nextLocation.state)) return false;
    return [...works.current.values()].some((work) => work.leaves(nextLocation, currentLocation));
  });

  useEffect(() => {
    allowNext.current = false;
  }, [location]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (works.current.size === 0) return;
      event.preventDefault();
      // Older browsers ask only when a return value is set; its text is never shown.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const discardAll = () => {
    for (const work of works.current.values()) work.onDiscard?.();
  };

  const answer = (leave: boolean) => {
    if (blocker.state === 'blocked') {
      if (leave) {
        discardAll();
        blocker.proceed();
      } else {
        blocker.reset();
      }
    }
    if (asking) {
      if (leave) {
        discardAll();
        allowNext.current = true;
      }
      asking(leave);
      setAsking(null);
    }
  };

  const register = useCallback((id: string, work: UnsavedWork) => {
    works.current.set(id, work);
    return () => {
      works.current.delete(id);
    };
  }, []);
  const confirmLeave = useCallback(
    () =>
      works.current.size === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => setAsking(() => resolve)),
    [],
  );
  const guard: LeaveGuard = useMemo(() => ({ register, confirmLeave }), [register, confirmLeave]);
  const open = blocker.state === 'blocked' || asking !== null;

  return (
    <LeaveGuardContext.Provider value={guard}>
      {children}
      <Dialog open={open} title={t('unsaved.title')} onClose={() => answer(false)}>
        <p>{t('unsaved.text')}</p>
        <div className="form-actions">
          <button type="button" className="button" data-autofocus onClick={() => answer(false)}>
            {t('unsaved.stay')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => answer(true)}>
            {t('unsaved.leave')}
          </button>
        </div>
      </Dialog>
    </LeaveGuardContext.Provider>
  );
}
