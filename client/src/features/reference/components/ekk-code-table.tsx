import { numeric, QueryTable } from '../../../components/data-table';
import { useI18n } from '../../../i18n/i18n-context';
import { useEkkCodes } from '../api/get-ekk-codes';
import { orderEkkHierarchy } from '../utils/ekk-hierarchy';

export function EkkCodeTable() {
  const { t, localize } = useI18n();
  return (
    <>
      <p className="hint">{t('ekk.hint')}</p>
      <QueryTable
        query={useEkkCodes()}
        caption={t('ekk.caption')}
        className="ekk-table"
        head={[t('common.code'), t('common.name'), numeric(t('ekk.level')), t('ekk.use'), t('common.status')]}
      >
        {(codes) => (
          <tbody>
            {orderEkkHierarchy(codes).map((code) => (
              <tr key={code.code} data-level={code.level} className={code.retired ? 'is-retired' : undefined}>
                <th scope="row" className="code ekk-indent">
                  {code.code}
                </th>
                <td className="ekk-indent">{localize(code.nameLv, code.nameEn)}</td>
                <td className="num">{code.level}</td>
                <td>
                  {code.selectable ? (
                    <span className="badge badge--ok">{t('ekk.selectable')}</span>
                  ) : (
                    <span className="muted">{t('ekk.groupOnly')}</span>
                  )}
                </td>
                <td>
                  {code.retired ? <span className="badge badge--danger">{t('ekk.retired')}</span> : t('ekk.inUse')}
                </td>
              </tr>
            ))}
          </tbody>
        )}
      </QueryTable>
    </>
  );
}
