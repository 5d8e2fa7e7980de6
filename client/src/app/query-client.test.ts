import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { authKeys } from '../api/auth/auth-keys';
import { createQueryClient, endsSession } from './query-client';

const unauthorized = new ApiError('problem', { status: 401, title: 'Sign-in required' });

describe('endsSession', () => {
  it('treats a 401 as the end of the session', () => {
    expect(endsSession(unauthorized, undefined)).toBe(true);
    expect(endsSession(unauthorized, {})).toBe(true);
  });

  it('leaves a 401 the request expects (a wrong password) to the screen', () => {
    expect(endsSession(unauthorized, { unauthorizedIsAnswer: true })).toBe(false);
  });

  it('ignores every other failure', () => {
    expect(endsSession(new ApiError('problem', { status: 403, title: 'Forbidden' }), undefined)).toBe(false);
    expect(endsSession(new ApiError('network', { status: 0, title: 'Network error' }), undefined)).toBe(false);
    expect(endsSession(new Error('boom'), undefined)).toBe(false);
  });
});

describe('createQueryClient', () => {
  const user = {
    id: 1,
    email: 'lead.iksd@riga.example',
    name: 'Lead',
    role: 'institution_lead' as const,
    institutionId: 3,
    institutionCode: 'IKSD',
    active: true,
  };

  it('forgets the signed-in user when any query meets a 401', async () => {
    const client = createQueryClient();
    client.setQueryData(authKeys.me(), user);
    await client
      .fetchQuery({
        queryKey: ['reference', 'institutions'],
        queryFn: () => Promise.reject(unauthorized),
      })
      .catch(() => undefined);
    expect(client.getQueryData(authKeys.me())).toBeNull();
  });

  it('keeps the user when a mutation expects its 401', async () => {
    const client = createQueryClient();
    client.setQueryData(authKeys.me(), user);
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(unauthorized),
      meta: { unauthorizedIsAnswer: true },
    });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.getQueryData(authKeys.me())).toEqual(user);
  });

  it('forgets the user when any other mutation meets a 401', async () => {
    const client = createQueryClient();
    client.setQueryData(authKeys.me(), user);
    const mutation = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(unauthorized) });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.getQueryData(authKeys.me())).toBeNull();
  });
});
