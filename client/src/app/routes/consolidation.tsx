import { CONSOLIDATION_DIMENSIONS, type ConsolidationDimension } from '@ikt/shared/consolidation.schema';
import { COST_NATURES, REVIEW_STATUSES, type ReviewStatus } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import { parseMoney } from '@ikt/shared/money';
import { can } from '@ikt/shared/permissions';
import { Link, useSearchParams } from 'react-router';
import { BarChart } from '../../components/bar-chart';
import { SearchParamSelect } from '../../components/inline-field';
import { LabelOptions } from '../../components/options';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import type { ConsolidationParams } from '../../api/consolidation/consolidation-keys';
import { useConsolidation } from '../../features/consolidation/api/get-consolidation';
import { ConsolidationTable } from '../../features/consolidation/components/consolidation-table';
import { ConsolidationViews } from '../../features/consolidation/components/consolidation-views';
import { ReplacingData } from '../../features/consolidation/components/replacing-data';
import { consolidationSearch, drillTarget } from '../../features/consolidation/utils/drill-down';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { DownloadButton } from '../../features/exports/components/download-button';
import { useInstitutions } from '../../api/reference/get-institutions';
import { useSubProgrammes } from '../../api/sub-programmes/get-sub-programmes';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

const CHART_ROWS = 15;

function readParams(search: URLSearchParams): Omit<ConsolidationParams, 'cycleId'> {
  const by = search.get('by');
  const costNature = search.get('costNature');
  const reviewStatus = search.get('reviewStatus');
  return {
    by: CONSOLIDATION_DIMENSIONS.find((dimension) => dimension === by) ?? 'institution',
    institution: search.get('institution') || undefined,
    costNature: COST_NATURES.find((nature) => nature === costNature),
    reviewStatus: REVIEW_STATUSES.filter((status): status is Exclude<ReviewStatus, 'cut'> => status !== 'cut').find(
      (status) => status === reviewStatus,
    ),
  };
}

/** The consolidated budget by any one dimension, against last year, with a chart and drill-down. */
export function ConsolidationRoute() {
  const { t, tn, language, tOptional, localize } = useI18n();
  useDocumentTitle(t('consolidation.title'));
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const [searchParams] = useSearchParams();
  const params = readParams(searchParams);
  const consolidation = useConsolidation(cycle ? { cycleId: cycle.id, ...params } : undefined);
  const subProgrammes = useSubProgrammes(params.by === 'sub_programme' ? cycle?.id : undefined);
  const institutions = useInstitutions();
  const dimensionLabel = (dimension: ConsolidationDimension) => tOptional(`consolidation.by.${dimension}`) ?? dimension;

  return (
    <div className="page-wide">
      <h1>{t('consolidation.title')}</h1>
      <p className="lead">{t('consolidation.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle && (
            <>
              <ConsolidationViews cycleId={cycle.id} />
              <div className="filter-bar" role="group" aria-label={t('consolidation.controls')}>
                <CyclePicker cycles={cycles} current={cycle} />
                <SearchParamSelect label={t('consolidation.groupBy')} param="by" value={params.by}>
                  {CONSOLIDATION_DIMENSIONS.map((dimension) => (
                    <option key={dimension} value={dimension}>
                      {dimensionLabel(dimension)}
                    </option>
                  ))}
                </SearchParamSelect>
                {user.role !== 'institution_lead' && (
                  <SearchParamSelect
                    label={t('subProgramme.institution')}
                    param="institution"
                    value={params.institution ?? ''}
                  >
                    <option value="">{t('common.all')}</option>
                    {(institutions.data ?? []).map((institution) => (
                      <option key={institution.id} value={institution.code}>
                        {institution.code} — {localize(institution.nameLv, institution.nameEn)}
                      </option>
                    ))}
                  </SearchParamSelect>
                )}
                <SearchParamSelect
                  label={t('grid.column.costNature')}
                  param="costNature"
                  value={params.costNature ?? ''}
                >
                  <LabelOptions all={t('common.all')} codes={COST_NATURES} labels={COST_NATURE_LABELS} />
                </SearchParamSelect>
                <SearchParamSelect
                  label={t('grid.column.reviewStatus')}
                  param="reviewStatus"
                  value={params.reviewStatus ?? ''}
                >
                  <LabelOptions
                    all={t('common.all')}
                    codes={REVIEW_STATUSES.filter((status) => status !== 'cut')}
                    labels={REVIEW_STATUS_LABELS}
                  />
                </SearchParamSelect>
              </div>
              {/* The workbook and open data are the whole city's budget: not for a single institution's lead. */}
              {can(user, { action: 'consolidation.read', cycleStatus: cycle.status }) && (
                <div className="toolbar">
                  <DownloadButton
                    url={`/api/cycles/${cycle.id}/export.xlsx?lang=${language}`}
                    fallbackName={`IKT-budzets-${cycle.year}.xlsx`}
                    label={t('consolidation.export')}
                  />
                  {(cycle.status === 'approved' || cycle.status === 'closed') && (
                    <DownloadButton
                      url={`/api/cycles/${cycle.id}/open-data.zip`}
                      fallbackName={`IKT-budzets-${cycle.year}-atvertie-dati.zip`}
                      label={t('consolidation.openData')}
                    />
                  )}
                </div>
              )}
              <QueryView query={consolidation} isEmpty={() => false}>
                {(data) => {
                  const firstYear = String(data.fiscalYears[0]);
                  const chartRows = data.rows
                    .filter((row) => data.by !== 'ekk' || row.level === 1)
                    .slice()
                    .sort((a, b) => parseMoney(b.amounts[firstYear] ?? '0').comparedTo(a.amounts[firstYear] ?? '0'))
                    .slice(0, CHART_ROWS);
                  const caption = t('consolidation.caption', {
                    dimension: dimensionLabel(data.by),
                    cycle: cycle.title,
                  });
                  const replacing = consolidation.isPlaceholderData;
                  return (
                    <ReplacingData
                      replacing={replacing}
                      outdated={data.by !== params.by}
                      status={
                        data.by !== params.by
                          ? t('consolidation.replacing', { dimension: dimensionLabel(params.by) })
                          : t('consolidation.refreshing')
                      }
                    >
                      {data.attribution === 'full-to-each' && <p className="notice">{t('consolidation.fullToEach')}</p>}
                      {data.by === 'ekk' && <p className="hint">{t('consolidation.ekkHint')}</p>}
                      <BarChart
                        caption={tn('consolidation.chartCaption', chartRows.length, { year: firstYear })}
                        valueLabel={firstYear}
                        compareLabel={t('consolidation.previousYear')}
                        rows={chartRows.map((row) => ({
                          key: `${row.parentKey ?? ''}:${row.key}`,
                          label: row.key && data.by !== 'institution' ? `${row.key} ${row.label}` : row.label,
                          value: row.amounts[firstYear] ?? '0',
                          compare: row.previousYear,
                        }))}
                      />
                      <ConsolidationTable
                        caption={caption}
                        consolidation={data}
                        renderLabel={(row) => {
                          const target = drillTarget(data.by, row, params);
                          if (!target) return row.label;
                          if (target.kind === 'view') {
                            return <Link to={consolidationSearch(cycle.id, target.params)}>{row.label}</Link>;
                          }
                          const subProgramme = subProgrammes.data?.find((candidate) => candidate.code === target.code);
                          return subProgramme ? (
                            <Link to={`/sub-programmes/${subProgramme.id}`}>{row.label}</Link>
                          ) : (
                            row.label
                          );
                        }}
                      />
                    </ReplacingData>
                  );
                }}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </div>
  );
}
