import type { ActionDirection, Goal } from '@ikt/shared/reference.schema';
import { DataTable } from '../../../components/data-table';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useActionDirections } from '../../../api/reference/get-action-directions';
import { useGoals } from '../../../api/reference/get-goals';

interface Named {
  code: string;
  nameLv: string;
  nameEn: string;
}

function groupGoals(goals: readonly Goal[]): { key: string; goals: Goal[] }[] {
  const groups = new Map<string, Goal[]>();
  for (const goal of goals) {
    const members = groups.get(goal.groupLv) ?? [];
    members.push(goal);
    groups.set(goal.groupLv, members);
  }
  return [...groups].map(([key, members]) => ({ key, goals: members }));
}

/** Codes with their names where the other list has loaded; bare codes where it has not. */
function CodeList({ codes, names }: { codes: readonly string[]; names: ReadonlyMap<string, Named> }) {
  const { localize } = useI18n();
  if (codes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="code-list">
      {codes.map((code) => {
        const named = names.get(code);
        return (
          <li key={code}>
            <span className="code">{code}</span>
            {named && <> {localize(named.nameLv, named.nameEn)}</>}
          </li>
        );
      })}
    </ul>
  );
}

function byCode<T extends Named>(items: readonly T[] | undefined): ReadonlyMap<string, T> {
  return new Map((items ?? []).map((item) => [item.code, item]));
}

/** Goals and action directions reference each other, so they are shown, and cross-named, together. */
export function GoalsTables() {
  const { t, localize } = useI18n();
  const goalsQuery = useGoals();
  const directionsQuery = useActionDirections();
  const goalsByCode = byCode<Goal>(goalsQuery.data);
  const directionsByCode = byCode<ActionDirection>(directionsQuery.data);

  return (
    <>
      <QueryView query={goalsQuery}>
        {(goals) => (
          <DataTable caption={t('goals.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('goals.goal')}</th>
                <th scope="col">{t('goals.actionDirections')}</th>
              </tr>
            </thead>
            {groupGoals(goals).map((group) => {
              const first = group.goals[0];
              return (
                <tbody key={group.key}>
                  {first && (
                    <tr className="group-row">
                      <th scope="rowgroup" colSpan={3}>
                        {localize(first.groupLv, first.groupEn)}
                      </th>
                    </tr>
                  )}
                  {group.goals.map((goal) => (
                    <tr key={goal.code}>
                      <th scope="row" className="code">
                        {goal.code}
                      </th>
                      <td>{localize(goal.nameLv, goal.nameEn)}</td>
                      <td>
                        <CodeList codes={goal.actionDirectionCodes} names={directionsByCode} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </DataTable>
        )}
      </QueryView>

      <QueryView query={directionsQuery}>
        {(directions) => (
          <DataTable caption={t('actionDirections.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('actionDirections.goals')}</th>
              </tr>
            </thead>
            <tbody>
              {directions.map((direction) => (
                <tr key={direction.code}>
                  <th scope="row" className="code">
                    {direction.code}
                  </th>
                  <td>{localize(direction.nameLv, direction.nameEn)}</td>
                  <td>
                    <CodeList codes={direction.goalCodes} names={goalsByCode} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
    </>
  );
}
