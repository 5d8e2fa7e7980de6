/** Where the sign-in page lives; the one route that needs no session. */
export const LOGIN_PATH = '/login';

const HOME_PATH = '/';

// A made-up origin to resolve `next` against: anything that resolves elsewhere is not ours.
const APP_ORIGIN = 'https://app.invalid';

/**
 * Turns the `next` query parameter into a path inside this app, or home. Only a same-app
 * relative path is kept: an absolute or protocol-relative URL (`https://…`, `//…`, `/\…`, with
 * tabs or newlines that browsers drop), a `javascript:` URL, the sign-in page itself and the API
 * all fall back to home, so the sign-in page can never be used as an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/')) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(raw, APP_ORIGIN);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== APP_ORIGIN) return HOME_PATH;
  const { pathname } = url;
  // `/.//host` normalises to `//host`, which a browser would read as another host.
  if (pathname.startsWith('//')) return HOME_PATH;
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return HOME_PATH;
  if (pathname === '/api' || pathname.startsWith('/api/')) return HOME_PATH;
  return `${pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `location` afterwards. */
export function loginPath(location: { pathname: string; search: string; hash: string }): string {
  const next = safeNextPath(`${location.pathname}${location.search}${location.hash}`);
  return next === HOME_PATH ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ next }).toString()}`;
}

/** Router state the session guard leaves for the sign-in page when a session ran out. */
export interface LoginPageState {
  sessionEnded: true;
}

export function isSessionEndedState(state: unknown): state is LoginPageState {
  return typeof state === 'object' && state !== null && (state as Partial<LoginPageState>).sessionEnded === true;
}
