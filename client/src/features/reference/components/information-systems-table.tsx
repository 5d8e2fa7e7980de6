import { QueryTable } from '../../../components/data-table';
import { useI18n } from '../../../i18n/i18n-context';
import { useInformationSystems } from '../../../api/reference/get-information-systems';
import { ActiveStatus } from '../../../components/active-status';

export function InformationSystemsTable() {
  const { t, localize } = useI18n();
  return (
    <QueryTable
      query={useInformationSystems()}
      caption={t('informationSystems.caption')}
      head={[
        t('common.code'),
        t('common.name'),
        t('informationSystems.function'),
        t('informationSystems.kind'),
        t('common.status'),
      ]}
    >
      {(systems) => (
        <tbody>
          {systems.map((system) => (
            <tr key={system.code} className={system.active ? undefined : 'is-retired'}>
              <th scope="row" className="code">
                {system.code}
              </th>
              <td>{system.name}</td>
              <td>{localize(system.functionLv, system.functionEn)}</td>
              <td>{system.kind}</td>
              <td>
                <ActiveStatus active={system.active} />
              </td>
            </tr>
          ))}
        </tbody>
      )}
    </QueryTable>
  );
}
