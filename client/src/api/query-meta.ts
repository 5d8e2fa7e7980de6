/**
 * What a query or mutation may tell the app-wide handlers in the QueryClient about itself.
 * `unauthorizedIsAnswer`: a 401 from this request is an answer for the screen (e.g. a wrong
 * password at sign-in), not a sign that the session has ended.
 */
export interface ApiRequestMeta extends Record<string, unknown> {
  unauthorizedIsAnswer?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: ApiRequestMeta;
    mutationMeta: ApiRequestMeta;
  }
}
