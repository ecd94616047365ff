import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import 'dayjs/locale/en';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateInputFormat, parseDate } from '../dates';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> & {
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A day picked from a calendar in the user's language, or typed as that language writes it
 * ("29.10.2026" in Turkish, "29/10/2026" in English). The value stays the API's YYYY-MM-DD.
 * The dates stylesheet comes with this component, so pages without a date input do not load it.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'tr';
  return (
    <DateInput
      {...rest}
      locale={language}
      firstDayOfWeek={1}
      valueFormat={dateInputFormat(language)}
      dateParser={parseDate}
      placeholder={rest.placeholder ?? (language === 'en' ? 'DD/MM/YYYY' : 'GG.AA.YYYY')}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
    />
  );
}
