import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Tabs } from '../../../components/tabs';
import { useI18n } from '../../../i18n/i18n-context';
import { useDocumentTitle } from '../../../i18n/use-document-title';
import {
  DEFAULT_REFERENCE_SECTION,
  isReferenceSectionId,
  REFERENCE_SECTIONS,
  type ReferenceSectionId,
} from '../reference-sections';
import { BenchmarksTable } from './benchmarks-table';
import { EkkCodeTable } from './ekk-code-table';
import { GoalsTables } from './goals-tables';
import { IctServicesTable } from './ict-services-table';
import { InformationSystemsTable } from './information-systems-table';
import { InstitutionsTable } from './institutions-table';
import { TbmTable } from './tbm-table';

const PANELS: Record<ReferenceSectionId, () => ReactNode> = {
  institutions: () => <InstitutionsTable />,
  'ekk-codes': () => <EkkCodeTable />,
  goals: () => <GoalsTables />,
  'ict-services': () => <IctServicesTable />,
  'information-systems': () => <InformationSystemsTable />,
  'tbm-cost-pools': () => <TbmTable list="costPools" />,
  'tbm-towers': () => <TbmTable list="towers" />,
  benchmarks: () => <BenchmarksTable />,
};

export function ReferencePage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const selected = isReferenceSectionId(requested) ? requested : DEFAULT_REFERENCE_SECTION;
  useDocumentTitle(t('reference.title'));

  // The open tab lives in the URL so it can be linked and survives a reload; switching tabs
  // replaces the history entry rather than filling Back with tab clicks.
  const select = (id: ReferenceSectionId) => setSearchParams({ tab: id }, { replace: true, preventScrollReset: true });

  return (
    <>
      <h1>{t('reference.title')}</h1>
      <p className="lead">{t('reference.intro')}</p>
      <Tabs
        label={t('reference.tabsLabel')}
        idPrefix="reference"
        items={REFERENCE_SECTIONS.map((section) => ({ id: section.id, label: t(section.labelKey) }))}
        selected={selected}
        onSelect={select}
        renderPanel={(id) => PANELS[id]()}
      />
    </>
  );
}
