import { EKK_LEVELS } from '@ikt/shared/consolidation.schema';
import { useSearchParams } from 'react-router';
import { SearchParamSelect } from '../../components/inline-field';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { useConsolidationCross } from '../../features/consolidation/api/get-consolidation-cross';
import { ConsolidationViews } from '../../features/consolidation/components/consolidation-views';
import { CrossTable } from '../../features/consolidation/components/cross-table';
import { ReplacingData } from '../../features/consolidation/components/replacing-data';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages/lv';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { formatMoney } from '../../utils/money-input';

const LEVEL_LABELS: Record<(typeof EKK_LEVELS)[number], MessageKey> = {
  1: 'cross.level.1',
  2: 'cross.level.2',
  3: 'cross.level.3',
  4: 'cross.level.4',
};
const DEFAULT_LEVEL = 2;

/** The consolidated budget of one fiscal year, institutions down and EKK codes across. */
export function ConsolidationCrossRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('cross.title'));
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const [searchParams] = useSearchParams();
  const requestedYear = Number(searchParams.get('year'));
  const fiscalYear = cycle?.fiscalYears.includes(requestedYear) ? requestedYear : cycle?.fiscalYears[0];
  const ekkLevel = EKK_LEVELS.find((level) => String(level) === searchParams.get('level')) ?? DEFAULT_LEVEL;
  const cross = useConsolidationCross(
    cycle && fiscalYear !== undefined ? { cycleId: cycle.id, fiscalYear, ekkLevel } : undefined,
  );

  return (
    <div className="page-wide">
      <h1>{t('cross.title')}</h1>
      <p className="lead">{t('cross.intro')}</p>
      {user.role === 'institution_lead' && <p className="notice">{t('cross.ownOnly')}</p>}
      <QueryView query={query}>
        {() =>
          cycle &&
          fiscalYear !== undefined && (
            <>
              <ConsolidationViews cycleId={cycle.id} />
              <div className="filter-bar" role="group" aria-label={t('cross.controls')}>
                <CyclePicker cycles={cycles} current={cycle} />
                <SearchParamSelect label={t('cross.fiscalYear')} param="year" value={fiscalYear}>
                  {cycle.fiscalYears.map((year) => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </SearchParamSelect>
                <SearchParamSelect label={t('cross.ekkLevel')} param="level" value={ekkLevel}>
                  {EKK_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(LEVEL_LABELS[level])}
                    </option>
                  ))}
                </SearchParamSelect>
              </div>
              <QueryView query={cross} isEmpty={(data) => data.rows.length === 0}>
                {(data) => (
                  <ReplacingData replacing={cross.isPlaceholderData} status={t('cross.refreshing')}>
                    <CrossTable
                      caption={t('cross.caption', { year: data.fiscalYear, cycle: cycle.title })}
                      cross={data}
                    />
                    {data.cut.itemCount > 0 && (
                      <p className="hint">
                        {t('cross.cut', { amount: formatMoney(data.cut.amount), count: data.cut.itemCount })}
                      </p>
                    )}
                  </ReplacingData>
                )}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </div>
  );
}
