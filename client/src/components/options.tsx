import type { Institution } from '@ikt/shared/reference.schema';
import { useI18n } from '../i18n/i18n-context';
import type { Language } from '../i18n/language';

/**
 * One option per code of a closed vocabulary, named by its shared labels in the reader's language;
 * with `all`, first the choice `''` in those words (a filter that narrows nothing).
 */
export function LabelOptions<C extends string>({
  codes,
  labels,
  all,
}: {
  codes: readonly C[];
  labels: Record<C, Record<Language, string>>;
  all?: string;
}) {
  const { language } = useI18n();
  return (
    <>
      {all !== undefined && <option value="">{all}</option>}
      {codes.map((code) => (
        <option key={code} value={code}>
          {labels[code][language]}
        </option>
      ))}
    </>
  );
}

/** The institutions a sub-programme or a sector lead may belong to: active ones other than ITC. */
export function InstitutionOptions({ institutions }: { institutions: readonly Institution[] | undefined }) {
  const { localize } = useI18n();
  return (institutions ?? [])
    .filter((institution) => !institution.isItc && institution.active)
    .map((institution) => (
      <option key={institution.id} value={institution.id}>
        {institution.code} — {localize(institution.nameLv, institution.nameEn)}
      </option>
    ));
}
