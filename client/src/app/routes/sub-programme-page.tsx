import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useSubProgramme } from '../../features/sub-programmes/api/get-sub-programme';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { isNotFound, NotFoundRoute } from './not-found';

/** A page at `…/:id`: a path whose id is no record id names a page that does not exist. */
export function IdRoute({ page: Page }: { page: (props: { id: number }) => ReactNode }) {
  const { id } = useParams();
  if (!id || !/^[1-9]\d{0,9}$/.test(id)) return <NotFoundRoute />;
  return <Page id={Number(id)} />;
}

/**
 * The sub-programme a page is about, and the page's title: `title` once it is here, `pending`
 * while it loads; `missing` when the server says there is no such sub-programme (for this user).
 */
export function useSubProgrammePage(id: number, title: (subProgramme: SubProgramme) => string, pending: string) {
  const t = useT();
  const subProgramme = useSubProgramme(id);
  const missing = subProgramme.isError && isNotFound(subProgramme.error);
  useDocumentTitle(missing ? t('notFound.title') : subProgramme.data ? title(subProgramme.data) : pending);
  return { subProgramme, missing };
}
