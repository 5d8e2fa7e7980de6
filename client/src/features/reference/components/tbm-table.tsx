import { useI18n } from '../../../i18n/i18n-context';
import { useTbmCategories, type TbmList } from '../api/get-tbm-categories';
import { NamedEntriesTable } from './named-entries-table';

const CAPTIONS = { costPools: 'admin.tbm.costPoolsCaption', towers: 'admin.tbm.towersCaption' } as const;

/** One TBM list as everyone reads it (the administrator edits it on the admin page). */
export function TbmTable({ list }: { list: TbmList }) {
  const { t } = useI18n();
  return <NamedEntriesTable query={useTbmCategories(list)} caption={t(CAPTIONS[list])} />;
}
