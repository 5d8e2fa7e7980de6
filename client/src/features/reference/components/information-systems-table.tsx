import { DataTable } from '../../../components/data-table';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useInformationSystems } from '../../../api/reference/get-information-systems';
import { ActiveStatus } from '../../../components/active-status';

export function InformationSystemsTable() {
  const { t, localize } = useI18n();
  const query = useInformationSystems();
  return (
    <QueryView query={query}>
      {(systems) => (
        <DataTable caption={t('informationSystems.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('informationSystems.function')}</th>
              <th scope="col">{t('informationSystems.kind')}</th>
              <th scope="col">{t('common.status')}</th>
            </tr>
          </thead>
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
        </DataTable>
      )}
    </QueryView>
  );
}
