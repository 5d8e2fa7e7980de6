import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { QueryView } from '../../components/query-view';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useFullCost } from '../../features/full-cost/api/get-full-cost';
import { FullCostView } from '../../features/full-cost/components/full-cost-view';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** The full cost of ICT per institution: the central sub-programme attributed to those who use it. */
export function FullCostRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('fullCost.title'));
  const { query, cycle, cycles } = useCurrentCycle();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = Number.parseInt(searchParams.get('year') ?? '', 10);
  const fiscalYear = cycle?.fiscalYears.includes(asked) ? asked : cycle?.fiscalYears[0];
  const fullCost = useFullCost(cycle?.id, fiscalYear);
  const yearId = useId();
  return (
    <>
      <h1>{t('fullCost.title')}</h1>
      <p className="lead">{t('fullCost.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
                <div className="inline-field">
                  <label htmlFor={yearId}>{t('fullCost.fiscalYear')}</label>
                  <select
                    id={yearId}
                    value={fiscalYear}
                    onChange={(event) =>
                      setSearchParams((params) => {
                        params.set('year', event.target.value);
                        return params;
                      })
                    }
                  >
                    {cycle.fiscalYears.map((year) => (
                      <option key={year} value={year}>
                        {year}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <QueryView query={fullCost} isEmpty={() => false}>
                {(data) => <FullCostView fullCost={data} />}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </>
  );
}
