import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n';

/** TR / EN, on the login page and in the header. The label is bilingual on purpose. */
export function LanguageSwitch() {
  const { t } = useTranslation(); // re-render on language change
  return (
    <SegmentedControl<Language>
      aria-label={t('language.label')}
      size="xs"
      value={currentLanguage()}
      onChange={setLanguage}
      data={LANGUAGES.map((language) => ({ value: language, label: language.toUpperCase() }))}
    />
  );
}
