import { Fieldset, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/users';
import type { IntakeForm } from './intake';

/** Who is asking, or that they stay anonymous. */
export function CitizenFields({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  return (
    <Fieldset legend={t('newRequest.citizen')}>
      <Stack>
        <Switch
          label={t('newRequest.anonymous')}
          description={values.anonymous ? t('newRequest.anonymousHint') : undefined}
          checked={values.anonymous}
          onChange={(event) => form.set('anonymous', event.currentTarget.checked)}
        />
        {!values.anonymous && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('newRequest.fullName')} autoComplete="off" maxLength={200} value={values['citizen.fullName']} onChange={(event) => form.set('citizen.fullName', event.currentTarget.value)} error={errors['citizen.fullName']} />
            <TextInput label={t('newRequest.phone')} type="tel" autoComplete="off" maxLength={30} value={values['citizen.phone']} onChange={(event) => form.set('citizen.phone', event.currentTarget.value)} error={errors['citizen.phone']} />
            <TextInput label={t('newRequest.tcKimlikNo')} inputMode="numeric" autoComplete="off" maxLength={11} value={values['citizen.tcKimlikNo']} onChange={(event) => form.set('citizen.tcKimlikNo', event.currentTarget.value)} error={errors['citizen.tcKimlikNo']} />
            <TextInput label={t('newRequest.email')} type="email" autoComplete="off" maxLength={254} value={values['citizen.email']} onChange={(event) => form.set('citizen.email', event.currentTarget.value)} error={errors['citizen.email']} />
            <Select<Locale>
              label={t('newRequest.locale')}
              data={[
                { value: 'tr', label: 'Türkçe' },
                { value: 'en', label: 'English' },
              ]}
              value={values['citizen.locale']}
              onChange={(locale) => locale && form.set('citizen.locale', locale)}
              allowDeselect={false}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
