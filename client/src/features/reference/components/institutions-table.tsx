import { QueryTable } from '../../../components/data-table';
import { useI18n } from '../../../i18n/i18n-context';
import { useInstitutions } from '../../../api/reference/get-institutions';

export function InstitutionsTable() {
  const { t, localize } = useI18n();
  return (
    <QueryTable
      query={useInstitutions()}
      caption={t('institutions.caption')}
      head={[t('common.code'), t('common.name'), t('institutions.itc')]}
    >
      {(institutions) => (
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
      )}
    </QueryTable>
  );
}
