import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Shown } from '../RequestDetailPage';
import { Field } from './Section';
import { formatPhone } from '@cozum/domain';

/** Each language in its own name, as the request form offers them. */
const LANGUAGE_NAMES: Record<string, string> = { tr: 'Türkçe', en: 'English' };

/** Who asked, as far as the role may see it (the server masks it for the others); or that nobody said. */
export function CitizenCard({ request: { citizen } }: { request: Shown<'citizen'> }) {
  const { t } = useTranslation();
  if (!citizen) return <Text c="dimmed">{t('detail.anonymous')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <Field label={t('detail.fullName')}>{citizen.fullName ?? t('common.none')}</Field>
      <Field label={t('detail.phone')}>{citizen.phone ? formatPhone(citizen.phone) : t('common.none')}</Field>
      <Field label={t('detail.email')}>{citizen.email ?? t('common.none')}</Field>
      <Field label={t('detail.tcKimlikNo')}>{citizen.tcKimlikNo ?? t('common.none')}</Field>
      <Field label={t('detail.locale')}>{LANGUAGE_NAMES[citizen.locale] ?? citizen.locale}</Field>
    </SimpleGrid>
  );
}
