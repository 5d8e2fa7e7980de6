import type { UseQueryResult } from '@tanstack/react-query';
import { ActiveStatus } from '../../../components/active-status';
import { QueryTable } from '../../../components/data-table';
import { useI18n } from '../../../i18n/i18n-context';

interface NamedEntry {
  code: string;
  nameLv: string;
  nameEn: string;
  active: boolean;
}

/** A catalogue of code, name and status (retired entries marked), as everyone reads it. */
export function NamedEntriesTable({ query, caption }: { query: UseQueryResult<NamedEntry[]>; caption: string }) {
  const { t, localize } = useI18n();
  return (
    <QueryTable query={query} caption={caption} head={[t('common.code'), t('common.name'), t('common.status')]}>
      {(entries) => (
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.code} className={entry.active ? undefined : 'is-retired'}>
              <th scope="row" className="code">
                {entry.code}
              </th>
              <td>{localize(entry.nameLv, entry.nameEn)}</td>
              <td>
                <ActiveStatus active={entry.active} />
              </td>
            </tr>
          ))}
        </tbody>
      )}
    </QueryTable>
  );
}
