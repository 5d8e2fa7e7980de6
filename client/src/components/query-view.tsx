import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from './error-state';
import { PageLoading } from './page-loading';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * One place decides how loading, failure and emptiness look. Data already on screen stays there
 * when a background refetch fails: a stale list is more useful than an error in its place.
 */
export function QueryView<T>({ query, children, isEmpty = isEmptyList }: QueryViewProps<T>) {
  const t = useT();
  if (query.data !== undefined) {
    return isEmpty(query.data) ? <p className="state">{t('state.empty')}</p> : children(query.data);
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <PageLoading />;
}
