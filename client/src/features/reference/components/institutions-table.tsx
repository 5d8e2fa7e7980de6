import { DataTable } from '../../../components/data-table';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useInstitutions } from '../../../api/reference/get-institutions';

export function InstitutionsTable() {
  const { t, localize } = useI18n();
  const query = useInstitutions();
  return (
    <QueryView query={query}>
      {(institutions) => (
        <DataTable caption={t('institutions.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('institutions.itc')}</th>
            </tr>
          </thead>
          <tbody>
            {institutions.map((institution) => (
              <tr key={institution.id}>
                <th scope="row" className="code">
                  {institution.code}
                </th>
                <td>{localize(institution.nameLv, institution.nameEn)}</td>
                <td>
                  {institution.isItc ? <span className="badge badge--info">{t('common.yes')}</span> : t('common.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </QueryView>
  );
}
