import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import 'dayjs/locale/en';
import { DateInput, MonthPickerInput, type DateInputProps, type MonthPickerInputProps } from '@mantine/dates';
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

type MonthProps = Omit<MonthPickerInputProps, 'value' | 'onChange' | 'valueFormat' | 'locale' | 'type'> & {
  /** YYYY-MM, or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/** A month picked from the user's language's month names, shown as "10.2026" (Turkish) or "10/2026"; the value stays YYYY-MM. */
export function MonthField({ value, onChange, ...rest }: MonthProps) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'tr';
  return (
    <MonthPickerInput
      {...rest}
      locale={language}
      valueFormat={language === 'en' ? 'MM/YYYY' : 'MM.YYYY'}
      value={/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : null}
      onChange={(next) => onChange(next ? next.slice(0, 7) : '')}
    />
  );
}
