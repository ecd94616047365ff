import { useTranslation } from 'react-i18next';

export interface Named {
  nameTr: string;
  nameEn: string;
}

/** Picks the Turkish or English name of a unit, category or request type for the UI language. */
export function useLocalName(): (item: Named) => string {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (item) => (english ? item.nameEn : item.nameTr);
}
