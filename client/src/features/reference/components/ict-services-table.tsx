import { QueryTable } from '../../../components/data-table';
import { useI18n } from '../../../i18n/i18n-context';
import { useIctServices } from '../../../api/reference/get-ict-services';
import { ActiveStatus } from '../../../components/active-status';

export function IctServicesTable() {
  const { t, localize } = useI18n();
  return (
    <QueryTable
      query={useIctServices()}
      caption={t('ictServices.caption')}
      head={[t('common.code'), t('common.name'), t('common.status')]}
    >
      {(services) => (
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
      )}
    </QueryTable>
  );
}
