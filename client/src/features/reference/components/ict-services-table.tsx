import { useIctServices } from '../../../api/reference/get-ict-services';
import { useI18n } from '../../../i18n/i18n-context';
import { NamedEntriesTable } from './named-entries-table';

export function IctServicesTable() {
  const { t } = useI18n();
  return <NamedEntriesTable query={useIctServices()} caption={t('ictServices.caption')} />;
}
