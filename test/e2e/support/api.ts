import { request, type APIRequestContext } from 'playwright-core';
import { TEST_PASSWORD } from './e2e-app';

export interface CycleInfo {
  id: number;
  year: number;
  status: string;
}

export interface SubProgrammeInfo {
  id: number;
  code: string;
  name: string;
  status: string;
}

export interface LineItemInfo {
  id: number;
  title: string;
  priority: string;
  amounts: Record<string, string>;
  version: number;
}

/**
 * The API as one demo user, for setting the scene (a submitted sub-programme, a scenario) and
 * for checking what the server holds after the browser changed it. The browser is what is tested.
 */
export class ApiSession {
  private constructor(private readonly context: APIRequestContext) {}

  static async signIn(baseUrl: string, email: string): Promise<ApiSession> {
    const context = await request.newContext({ baseURL: baseUrl });
    await ApiSession.ok(context.post('/api/auth/login', { data: { email, password: TEST_PASSWORD } }));
    return new ApiSession(context);
  }

  private static async ok(pending: ReturnType<APIRequestContext['get']>): Promise<unknown> {
    const response = await pending;
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return response.status() === 204 ? undefined : response.json();
  }

  get(url: string): Promise<unknown> {
    return ApiSession.ok(this.context.get(url));
  }

  post(url: string, data?: unknown): Promise<unknown> {
    return ApiSession.ok(this.context.post(url, data === undefined ? {} : { data }));
  }

  patch(url: string, data: unknown, version: number): Promise<unknown> {
    return ApiSession.ok(this.context.patch(url, { data, headers: { 'if-match': `"${version}"` } }));
  }

  /** A download (a workbook), as bytes. */
  async bytes(url: string): Promise<Buffer> {
    const response = await this.context.get(url);
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return response.body();
  }

  async cycle(year: number): Promise<CycleInfo> {
    const cycles = (await this.get('/api/cycles')) as CycleInfo[];
    const cycle = cycles.find((candidate) => candidate.year === year);
    if (!cycle) throw new Error(`no cycle ${year}`);
    return cycle;
  }

  async subProgramme(year: number, code: string): Promise<SubProgrammeInfo> {
    const cycle = await this.cycle(year);
    const list = (await this.get(`/api/cycles/${cycle.id}/sub-programmes`)) as SubProgrammeInfo[];
    const found = list.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`no sub-programme ${code} in ${year}`);
    return found;
  }

  lineItems(subProgrammeId: number): Promise<LineItemInfo[]> {
    return this.get(`/api/sub-programmes/${subProgrammeId}/line-items`) as Promise<LineItemInfo[]>;
  }

  dispose(): Promise<void> {
    return this.context.dispose();
  }
}
