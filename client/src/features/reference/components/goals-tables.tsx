import type { ActionDirection, Goal } from '@ikt/shared/reference.schema';
import type { ReactNode } from 'react';
import { QueryTable } from '../../../components/data-table';
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
      <QueryTable
        query={goalsQuery}
        caption={t('goals.caption')}
        head={[t('common.code'), t('goals.goal'), t('goals.actionDirections')]}
      >
        {(goals) =>
          groupGoals(goals).map((group) => {
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
                  <CodeRow key={goal.code} row={goal}>
                    <CodeList codes={goal.actionDirectionCodes} names={directionsByCode} />
                  </CodeRow>
                ))}
              </tbody>
            );
          })
        }
      </QueryTable>

      <QueryTable
        query={directionsQuery}
        caption={t('actionDirections.caption')}
        head={[t('common.code'), t('common.name'), t('actionDirections.goals')]}
      >
        {(directions) => (
          <tbody>
            {directions.map((direction) => (
              <CodeRow key={direction.code} row={direction}>
                <CodeList codes={direction.goalCodes} names={goalsByCode} />
              </CodeRow>
            ))}
          </tbody>
        )}
      </QueryTable>
    </>
  );
}

/** A goal or an action direction: its code, its name, and the codes of the other list it names. */
function CodeRow({ row, children }: { row: Named; children: ReactNode }) {
  const { localize } = useI18n();
  return (
    <tr>
      <th scope="row" className="code">
        {row.code}
      </th>
      <td>{localize(row.nameLv, row.nameEn)}</td>
      <td>{children}</td>
    </tr>
  );
}
