import { useI18n } from '../i18n/i18n-context';
import { useFieldText } from '../hooks/use-field-text';

/** "2027 amount: 100,00 € → 120,00 €", with the old value struck through and the new one marked. */
export function FieldChangeText({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  const { t } = useI18n();
  const { fieldName, valueText } = useFieldText();
  return (
    <>
      {fieldName(field)}: <del>{valueText(field, before)}</del> <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('history.becomes')}</span> <ins>{valueText(field, after)}</ins>
    </>
  );
}
