import { TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What a unit and a category are called: a code given once, at creation, and a name in each language. */
export interface CodeAndNames {
  code: string;
  nameTr: string;
  nameEn: string;
}

const MIN_CODE = 2;

/** The code is checked only when it is being given (`isNew`); both names are required. */
export const codeAndNameErrors = (v: CodeAndNames, isNew: boolean, t: TFunction) => ({
  code: !isNew || v.code.trim().length >= MIN_CODE ? undefined : v.code.trim() ? t('validation.minLength', { min: MIN_CODE }) : t('validation.required'),
  nameTr: v.nameTr.trim() ? undefined : t('validation.required'),
  nameEn: v.nameEn.trim() ? undefined : t('validation.required'),
});

/** The code field (on a new item only) and the two name fields, labelled from `units.*` or `categories.*`. */
export function CodeAndNameFields(props: {
  of: 'units' | 'categories';
  isNew: boolean;
  form: { values: CodeAndNames; errors: Partial<Record<keyof CodeAndNames, string>>; set: (field: keyof CodeAndNames, value: string) => void };
}) {
  const { t } = useTranslation();
  const { of, form } = props;
  return (
    <>
      {props.isNew && (
        <TextInput label={t(`${of}.code`)} required data-autofocus value={form.values.code} onChange={(event) => form.set('code', event.currentTarget.value)} error={form.errors.code} />
      )}
      <TextInput label={t(`${of}.nameTr`)} required value={form.values.nameTr} onChange={(event) => form.set('nameTr', event.currentTarget.value)} error={form.errors.nameTr} />
      <TextInput label={t(`${of}.nameEn`)} required value={form.values.nameEn} onChange={(event) => form.set('nameEn', event.currentTarget.value)} error={form.errors.nameEn} />
    </>
  );
}
