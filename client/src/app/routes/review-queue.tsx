import { SUB_PROGRAMME_STATUSES, type SubProgrammeStatus } from '@ikt/shared/domain';
import { SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { useSearchParams } from 'react-router';
import { SearchParamSelect } from '../../components/inline-field';
import { QueryView } from '../../components/query-view';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useSubProgrammes } from '../../api/sub-programmes/get-sub-programmes';
import { SubProgrammeTable } from '../../features/sub-programmes/components/sub-programme-table';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

const isStatus = (value: string | null): value is SubProgrammeStatus =>
  SUB_PROGRAMME_STATUSES.some((status) => status === value);

/** ITC's queue: the submitted sub-programmes waiting for a decision (other statuses a choice away). */
export function ReviewQueueRoute() {
  const { t, language } = useI18n();
  useDocumentTitle(t('reviewQueue.title'));
  const { query, cycle, cycles } = useCurrentCycle();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('status');
  const status: SubProgrammeStatus = isStatus(requested) ? requested : 'submitted';
  const subProgrammes = useSubProgrammes(cycle?.id);

  return (
    <>
      <h1>{t('reviewQueue.title')}</h1>
      <p className="lead">{t('reviewQueue.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
                <SearchParamSelect label={t('common.status')} param="status" value={status}>
                  {SUB_PROGRAMME_STATUSES.map((option) => (
                    <option key={option} value={option}>
                      {SUB_PROGRAMME_STATUS_LABELS[option][language]} (
                      {subProgrammes.data?.filter((s) => s.status === option).length ?? '…'})
                    </option>
                  ))}
                </SearchParamSelect>
              </div>
              <QueryView
                query={subProgrammes}
                isEmpty={(list) => list.every((subProgramme) => subProgramme.status !== status)}
              >
                {(list) => (
                  <SubProgrammeTable
                    caption={t('reviewQueue.caption', { status: SUB_PROGRAMME_STATUS_LABELS[status][language] })}
                    subProgrammes={list.filter((subProgramme) => subProgramme.status === status)}
                    fiscalYears={cycle.fiscalYears}
                    linkTo={(subProgramme) => `/review/${subProgramme.id}`}
                    showInstitution
                  />
                )}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </>
  );
}
