import { useI18n } from '../i18n/i18n-context';
import { LANGUAGES } from '../i18n/language';

/** Each language is named in itself (and marked with its own lang) so a reader can find theirs. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === language}
          className="language-switch__option"
          onClick={() => setLanguage(option)}
        >
          {t(`language.name.${option}`)}
        </button>
      ))}
    </div>
  );
}
