import type { User } from '@ikt/shared/auth.schema';
import { can } from '@ikt/shared/permissions';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { useMe } from '../api/auth/get-me';
import { SessionMenu } from '../features/auth/components/session-menu';
import { LeaveGuardProvider } from '../features/unsaved-work/components/leave-guard';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages/lv';

/**
 * The pages a role works with, its own actions first (ITC reviews, the council decides); the
 * server still decides every answer, this only hides dead ends. A lead's consolidation is its
 * own institution's.
 */
function navLinks(user: User): { to: string; label: MessageKey }[] {
  const { role } = user;
  const links: { to: string; label: MessageKey }[] = [];
  if (role === 'itc_finance') links.push({ to: '/review', label: 'nav.review' });
  if (role === 'council') links.push({ to: '/decision', label: 'nav.decision' });
  links.push({ to: '/consolidation', label: 'nav.consolidation' });
  links.push({ to: '/full-cost', label: 'nav.fullCost' });
  if (can(user, { action: 'allocationBasis.manage' })) {
    links.push({ to: '/allocation-basis', label: 'nav.allocationBasis' });
  }
  if (role !== 'institution_lead') {
    links.push({ to: '/scenarios', label: 'nav.scenarios' });
    links.push({ to: '/indicators', label: 'nav.indicators' });
  }
  if (role === 'admin' || role === 'itc_finance') {
    links.push({ to: '/audit', label: 'nav.audit' });
    links.push({ to: '/admin', label: 'nav.admin' });
  }
  return links;
}

export function AppLayout() {
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // The session guard decides who may see a page; the header only shows what a user has.
  const user = useMe().data ?? undefined;
  const previousPathname = useRef(pathname);
  // On a narrow screen the menu folds away behind a button (issue #14: the header took a third
  // of a phone); from 60rem up it is always shown and the button is not.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const closeMenu = () => setMenuOpen(false);

  // After a client-side page change, start the screen reader and keyboard at the new content,
  // as a full page load would. (A change of ?tab= is not a new page and keeps focus where it is.)
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    setMenuOpen(false);
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <LeaveGuardProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('layout.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            {t('app.name')}
          </Link>
          {user ? (
            <>
              <button
                ref={menuButtonRef}
                type="button"
                className="app-header__menu-button"
                aria-expanded={menuOpen}
                aria-controls={menuId}
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span aria-hidden="true" className="app-header__menu-icon" />
                {t('layout.menu')}
              </button>
              <div
                id={menuId}
                className={menuOpen ? 'app-header__menu is-open' : 'app-header__menu'}
                onKeyDown={(event) => {
                  if (event.key !== 'Escape' || !menuOpen) return;
                  setMenuOpen(false);
                  menuButtonRef.current?.focus();
                }}
              >
                <nav className="app-nav" aria-label={t('layout.mainNav')}>
                  <ul>
                    <li>
                      <NavLink to="/" end onClick={closeMenu}>
                        {t('nav.home')}
                      </NavLink>
                    </li>
                    {navLinks(user).map((link) => (
                      <li key={link.to}>
                        <NavLink to={link.to} onClick={closeMenu}>
                          {t(link.label)}
                        </NavLink>
                      </li>
                    ))}
                    <li>
                      <NavLink to="/reference" onClick={closeMenu}>
                        {t('nav.reference')}
                      </NavLink>
                    </li>
                  </ul>
                </nav>
                <LanguageSwitch />
                <SessionMenu user={user} />
              </div>
            </>
          ) : (
            <LanguageSwitch />
          )}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <ScrollRestoration />
    </LeaveGuardProvider>
  );
}
