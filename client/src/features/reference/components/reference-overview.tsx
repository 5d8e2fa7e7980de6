import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context';
import { useReferenceCounts } from '../hooks/use-reference-counts';
import { REFERENCE_SECTIONS, referenceSectionPath } from '../reference-sections';

/** The reference lists with how many entries each holds, each a link to its tab. */
export function ReferenceOverview() {
  const t = useT();
  const counts = useReferenceCounts();
  return (
    <ul className="overview-list">
      {REFERENCE_SECTIONS.map((section) => {
        const count = counts[section.id];
        return (
          <li key={section.id}>
            <Link to={referenceSectionPath(section.id)}>{t(section.labelKey)}</Link>
            <span className="overview-list__count">
              <span className="visually-hidden">{t('home.entryCount')}: </span>
              {count.data !== undefined ? (
                count.data
              ) : count.isError ? (
                <span className="muted">{t('home.countUnavailable')}</span>
              ) : (
                <span className="muted">{t('home.countLoading')}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
