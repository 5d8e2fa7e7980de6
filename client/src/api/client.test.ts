import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiPatch, apiPostForm } from './client';

const problem = (status: number, slug: string, retryAfter?: string) =>
  new Response(
    JSON.stringify({ type: `urn:ikt-budzets:problem:${slug}`, title: 'Pakalpojums īslaicīgi nav pieejams', status }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
    },
  );
const saved = () =>
  new Response(JSON.stringify({ id: 7 }), { status: 200, headers: { 'content-type': 'application/json' } });
const answerSchema = z.object({ id: z.number() });

describe('a request the server rolled back to break a deadlock (503 conflict)', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('is sent again after the Retry-After wait, and its answer is the second one', async () => {
    fetchMock.mockResolvedValueOnce(problem(503, 'conflict', '2')).mockResolvedValueOnce(saved());
    const answer = apiPatch('/api/line-items/7', { title: 'x' }, answerSchema, { ifMatchVersion: 3 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ id: 7 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // The same change, based on the same version.
    expect(fetchMock.mock.calls[1]![1]).toMatchObject({ method: 'PATCH', body: '{"title":"x"}' });
    expect(new Headers(fetchMock.mock.calls[1]![1]!.headers).get('if-match')).toBe('"3"');
  });

  it('is sent twice at most: a second conflict reaches the screen', async () => {
    fetchMock.mockResolvedValueOnce(problem(503, 'conflict', '1')).mockResolvedValueOnce(problem(503, 'conflict', '1'));
    const answer = apiPatch('/api/line-items/7', { title: 'x' }, answerSchema).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await answer;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('is not confused with an outage: a 503 "unavailable" is not sent again', async () => {
    fetchMock.mockResolvedValueOnce(problem(503, 'unavailable'));
    const error = await apiPatch('/api/line-items/7', { title: 'x' }, answerSchema).catch((e: unknown) => e);
    expect((error as ApiError).type).toBe('urn:ikt-budzets:problem:unavailable');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('a file upload (multipart)', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('goes as the FormData itself, with no content type of ours (the browser writes the boundary)', async () => {
    fetchMock.mockResolvedValueOnce(saved());
    const form = new FormData();
    form.append('file', new Blob(['x']), 'veidne.xlsx');
    await expect(apiPostForm('/api/sub-programmes/3/import?dryRun=true', form, answerSchema)).resolves.toEqual({
      id: 7,
    });
    const init = fetchMock.mock.calls[0]![1]!;
    expect(init.body).toBe(form);
    expect(new Headers(init.headers).get('content-type')).toBeNull();
  });

  it('keeps the problem body whole, extensions included, for the screen to read', async () => {
    const body = {
      type: 'urn:ikt-budzets:problem:import-rejected',
      title: 'Dati neatbilst noteikumiem',
      status: 422,
      problems: [{ kind: 'invalid', sheet: 'Pozīcijas', row: 7, column: 'E', columnName: 'EKK kods', message: 'x' }],
    };
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': 'application/problem+json' } }),
    );
    const error = (await apiPostForm('/api/sub-programmes/3/import', new FormData(), answerSchema).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(422);
    expect(error.body).toEqual(body);
  });
});
