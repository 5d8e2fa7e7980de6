import { DataTable } from '../../../components/data-table';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useIctServices } from '../../../api/reference/get-ict-services';
import { ActiveStatus } from '../../../components/active-status';

export function IctServicesTable() {
  const { t, localize } = useI18n();
  const query = useIctServices();
  return (
    <QueryView query={query}>
      {(services) => (
        <DataTable caption={t('ictServices.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.code} className={service.active ? undefined : 'is-retired'}>
                <th scope="row" className="code">
                  {service.code}
                </th>
                <td>{localize(service.nameLv, service.nameEn)}</td>
                <td>
                  <ActiveStatus active={service.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </QueryView>
  );
}
