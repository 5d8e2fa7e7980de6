import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionListSchema } from '@ikt/shared/auth.schema';
import { TEST_PASSWORD, createTestApp, sessionCookieOf, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';

const LIMIT = 3;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    demo: true,
    security: { loginMaxFailuresPerAccount: LIMIT, loginMaxFailuresPerAddress: 1000, loginWindowMinutes: 15 },
  });
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

/** A client signed in as `email` with `password`, from a browser named `userAgent`. */
async function signIn(email: string, password = TEST_PASSWORD, userAgent = 'Test browser'): Promise<TestClient> {
  const response = await login(email, password, { 'user-agent': userAgent });
  const cookie = sessionCookieOf(response);
  const request: TestClient['request'] = (options) =>
    t.app.inject({ ...options, headers: { cookie, ...(options.headers ?? {}) } });
  return {
    cookie,
    request,
    get: (url, headers = {}) => request({ method: 'GET', url, headers }),
    post: (url, body, headers = {}) =>
      request({ method: 'POST', url, headers, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body, headers = {}) => request({ method: 'PATCH', url, headers, payload: body as object }),
    put: (url, body, headers = {}) => request({ method: 'PUT', url, headers, payload: body as object }),
    delete: (url, headers = {}) => request({ method: 'DELETE', url, headers }),
  };
}

const auditOf = (action: string) =>
  t.database.db
    .selectFrom('audit_event')
    .select(['actor_id', 'action', 'entity_type', 'entity_id', 'after', 'request_id'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

async function userId(email: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('changing one’s own password', () => {
  it('needs the right current password, applies the password rules, and ends every other session', async () => {
    const email = 'lead.ld@riga.example';
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const newPassword = 'a-long-new-password-2027';

    const wrong = expectProblem(
      await here.post('/api/auth/password', { currentPassword: 'not-the-password', newPassword }),
      422,
    );
    expect(wrong.errors?.map((e) => e.path)).toEqual(['body.currentPassword']);

    const short = expectProblem(
      await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }),
      400,
    );
    expect(short.errors?.map((e) => e.path)).toEqual(['body.newPassword']);

    const same = expectProblem(
      await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
      422,
    );
    expect(same.errors?.map((e) => e.path)).toEqual(['body.newPassword']);

    const changed = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
    expect(changed.statusCode).toBe(204);

    // This session goes on; the other one has ended; only the new password signs in.
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expectProblem(await elsewhere.get('/api/auth/me'), 401);
    expectProblem(await login(email, TEST_PASSWORD), 401);
    expect((await login(email, newPassword)).statusCode).toBe(200);

    const id = await userId(email);
    const [event, ...more] = (await auditOf('auth.password_changed')).filter((e) => e.actor_id === id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ entity_type: 'user', entity_id: String(id), after: { otherSessionsEnded: 1 } });
    expect(event!.request_id).toBeTruthy();
  });

  it('counts a wrong current password against the account’s sign-in limit (429 with Retry-After)', async () => {
    const email = 'lead.sd@riga.example';
    const user = await signIn(email);
    for (let i = 0; i < LIMIT; i++) {
      expectProblem(
        await user.post('/api/auth/password', {
          currentPassword: `guess-${i}`,
          newPassword: 'a-long-new-password-2027',
        }),
        422,
      );
    }
    const limited = await user.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-long-new-password-2027',
    });
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same budget as signing in: the account is locked for that too, and the session itself is fine.
    expectProblem(await login(email, TEST_PASSWORD), 429);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);

    const id = await userId(email);
    const failed = (await auditOf('auth.password_change_failed')).filter((e) => e.actor_id === id);
    expect(failed).toHaveLength(LIMIT);
    expect(failed[0]).toMatchObject({ entity_type: 'sign_in', entity_id: email, after: { email, ip: '127.0.0.1' } });
    expect((await auditOf('auth.locked_out')).filter((e) => e.entity_id === email)).toHaveLength(1);
  });
});

describe('one’s own sessions', () => {
  it('lists them with a public id that is neither the token nor its hash, the current one marked', async () => {
    const email = 'lead.rpp@riga.example';
    const first = await signIn(email, TEST_PASSWORD, 'Browser One');
    const second = await signIn(email, TEST_PASSWORD, 'Browser Two');
    const response = await second.get('/api/auth/sessions');
    expect(response.statusCode).toBe(200);
    const sessions = sessionListSchema.parse(response.json());
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => [s.userAgent, s.current])).toEqual([
      ['Browser Two', true],
      ['Browser One', false],
    ]);
    expect(sessions[0]).toMatchObject({ ip: '127.0.0.1' });
    for (const session of sessions) {
      expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }
    for (const cookie of [first.cookie!, second.cookie!]) {
      const token = cookie.split('=')[1]!;
      const hash = createHash('sha256').update(token).digest('hex');
      expect(response.body).not.toContain(token);
      expect(response.body).not.toContain(hash);
    }
    // A public id is no cookie.
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ikt_session=${sessions[1]!.id}` } }),
      401,
    );
  });

  it('ends another of one’s sessions; someone else’s or a made-up id is 404 alike', async () => {
    const email = 'lead.pad@riga.example';
    const mine = await signIn(email);
    const myOther = await signIn(email);
    const stranger = await signIn('lead.mvd@riga.example');
    const strangers = sessionListSchema.parse((await stranger.get('/api/auth/sessions')).json());

    const theirs = expectProblem(await mine.delete(`/api/auth/sessions/${strangers[0]!.id}`), 404);
    const madeUp = expectProblem(await mine.delete('/api/auth/sessions/1b4e28ba-2fa1-41d2-883f-0016d3cca427'), 404);
    expect(theirs).toEqual(madeUp);
    expect((await stranger.get('/api/auth/me')).statusCode).toBe(200);
    expectProblem(await mine.delete('/api/auth/sessions/not-an-id'), 400);

    const sessions = sessionListSchema.parse((await mine.get('/api/auth/sessions')).json());
    const other = sessions.find((s) => !s.current)!;
    expect((await mine.delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expectProblem(await myOther.get('/api/auth/me'), 401);
    expect(sessionListSchema.parse((await mine.get('/api/auth/sessions')).json()).map((s) => s.current)).toEqual([
      true,
    ]);

    const id = await userId(email);
    const [ended] = (await auditOf('auth.session_ended')).filter((e) => e.actor_id === id);
    expect(ended).toMatchObject({
      entity_type: 'user',
      entity_id: String(id),
      after: { session: other.id, current: false },
    });
  });

  it('ending the current session signs out: the cookie is cleared and stops working', async () => {
    const user = await signIn('lead.apc@riga.example');
    const [current] = sessionListSchema.parse((await user.get('/api/auth/sessions')).json());
    const response = await user.delete(`/api/auth/sessions/${current!.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'ikt_session')?.value).toBe('');
    expectProblem(await user.get('/api/auth/me'), 401);
  });
});

describe('the audit trail of signing in and out', () => {
  it('records a failed sign-in with the email tried and the address, never the password, and no actor', async () => {
    const password = 'Secret-guess-4711';
    expectProblem(await login('nobody.at.all@riga.example', password), 401);
    const [event] = (await auditOf('auth.login_failed')).filter((e) => e.entity_id === 'nobody.at.all@riga.example');
    expect(event).toMatchObject({
      actor_id: null,
      entity_type: 'sign_in',
      after: { email: 'nobody.at.all@riga.example', ip: '127.0.0.1' },
    });
    expect(event!.request_id).toBeTruthy();
    const everything = await t.database.db.selectFrom('audit_event').select(['before', 'after']).execute();
    expect(JSON.stringify(everything)).not.toContain(password);
  });

  it('records the lock-out once, when the last allowed failure is spent', async () => {
    const email = 'council@riga.example';
    for (let i = 0; i < LIMIT + 2; i++) await login(email, `wrong-${i}`);
    expect((await auditOf('auth.login_failed')).filter((e) => e.entity_id === email)).toHaveLength(LIMIT);
    const lockOuts = (await auditOf('auth.locked_out')).filter((e) => e.entity_id === email);
    expect(lockOuts).toHaveLength(1);
    expect(lockOuts[0]).toMatchObject({ actor_id: null, after: { email, failures: LIMIT, windowMinutes: 15 } });
  });

  it('records a sign-out with who signed out', async () => {
    const email = 'fd@riga.example';
    const user = await signIn(email);
    expect((await user.post('/api/auth/logout')).statusCode).toBe(204);
    const id = await userId(email);
    const events = (await auditOf('auth.logout')).filter((e) => e.actor_id === id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_type: 'user', entity_id: String(id) });
    // A cookie that no longer has a session signs nobody out and records nothing.
    expect((await user.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await auditOf('auth.logout')).filter((e) => e.actor_id === id)).toHaveLength(1);
  });
});

describe('the API document', () => {
  it('describes the password and session routes', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths['/api/auth/password'] ?? {})).toContain('post');
    expect(Object.keys(document.paths['/api/auth/sessions'] ?? {})).toContain('get');
    expect(Object.keys(document.paths['/api/auth/sessions/{id}'] ?? {})).toContain('delete');
  });
});
