import { describe, expect, it } from 'vitest';
import { isSessionEndedState, loginPath, safeNextPath } from './login-redirect';

describe('safeNextPath', () => {
  it('keeps a path inside the app, with its query and fragment', () => {
    expect(safeNextPath('/reference')).toBe('/reference');
    expect(safeNextPath('/reference?tab=ekk-codes')).toBe('/reference?tab=ekk-codes');
    expect(safeNextPath('/reference?tab=goals#top')).toBe('/reference?tab=goals#top');
    expect(safeNextPath('/')).toBe('/');
  });

  it('goes home when there is no next', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    'reference',
    '?next=//evil.example',
  ])('refuses %j, which is not a path of this app', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('never sends back to the sign-in page itself or to the API', () => {
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath('/login?next=/reference')).toBe('/');
    expect(safeNextPath('/api/auth/logout')).toBe('/');
    expect(safeNextPath('/api')).toBe('/');
  });

  it('normalises dot segments rather than passing them on', () => {
    expect(safeNextPath('/reference/../reference?tab=goals')).toBe('/reference?tab=goals');
    expect(safeNextPath('/../../etc/passwd')).toBe('/etc/passwd');
  });

  it('keeps a path that merely looks like a host as a path', () => {
    expect(safeNextPath('/evil.example')).toBe('/evil.example');
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('loginPath', () => {
  it('carries the current address as next, encoded', () => {
    expect(loginPath({ pathname: '/reference', search: '?tab=goals', hash: '' })).toBe(
      '/login?next=%2Freference%3Ftab%3Dgoals',
    );
  });

  it('adds no next for home', () => {
    expect(loginPath({ pathname: '/', search: '', hash: '' })).toBe('/login');
  });

  it('round-trips through URLSearchParams and safeNextPath', () => {
    const target = { pathname: '/reference', search: '?tab=ekk-codes&x=a%26b', hash: '#row-2' };
    const next = new URL(loginPath(target), 'https://app.invalid').searchParams.get('next');
    expect(safeNextPath(next)).toBe('/reference?tab=ekk-codes&x=a%26b#row-2');
  });
});

describe('isSessionEndedState', () => {
  it('recognises only the guard’s own state', () => {
    expect(isSessionEndedState({ sessionEnded: true })).toBe(true);
    expect(isSessionEndedState({ sessionEnded: 'yes' })).toBe(false);
    expect(isSessionEndedState(null)).toBe(false);
    expect(isSessionEndedState(undefined)).toBe(false);
    expect(isSessionEndedState('sessionEnded')).toBe(false);
  });
});
