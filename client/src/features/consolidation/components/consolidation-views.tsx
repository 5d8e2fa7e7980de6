import { NavLink } from 'react-router';
import { useT } from '../../../i18n/i18n-context';

/** The two ways to read the consolidated budget: by one dimension, or institution × EKK. */
export function ConsolidationViews({ cycleId }: { cycleId: number }) {
  const t = useT();
  return (
    <nav className="view-switch" aria-label={t('consolidation.views')}>
      <ul>
        <li>
          <NavLink to={`/consolidation?cycle=${cycleId}`} end>
            {t('consolidation.view.summary')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`/consolidation/cross?cycle=${cycleId}`}>{t('consolidation.view.cross')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
