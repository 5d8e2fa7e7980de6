import { useT } from '../i18n/i18n-context';

/** A row's Edit button; `label` (the row's name or code) tells a screen reader which row it edits. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button button--quiet" onClick={onClick}>
      {t('admin.edit')}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
