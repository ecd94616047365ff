import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldBootstrap } from '../../api/field';
import type { Enqueue } from './useQueue';
import type { FieldVisit } from './visits';
import { counted } from '../../components/CharacterCount';

/** A request taken in the field, queued; the place defaults to the visit's. */
export function CaptureForm({ data, visit, onQueue }: { data: FieldBootstrap; visit: FieldVisit | null; onQueue: Enqueue }) {
  const { t, i18n } = useTranslation();
  const empty = { categoryId: null as string | null, description: '', districtId: null as string | null, neighbourhoodId: null as string | null, address: '', fullName: '', phone: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const districtId = form.districtId ?? (visit ? String(visit.districtId) : null);
  const neighbourhoodId = form.neighbourhoodId ?? (visit?.neighbourhoodId && String(visit.districtId) === districtId ? String(visit.neighbourhoodId) : null);
  const categories = useMemo(() => data.categories.map((c) => ({ value: String(c.id), label: i18n.language === 'en' ? c.nameEn : c.nameTr })), [data, i18n.language]);
  const hoods = useMemo(() => data.neighbourhoods.filter((n) => String(n.districtId) === districtId).map((n) => ({ value: String(n.id), label: n.name })), [data, districtId]);

  async function submit() {
    const found = {
      categoryId: form.categoryId ? undefined : t('validation.required'),
      description: form.description.trim().length >= 5 ? undefined : t('field.capture.descriptionShort'),
    };
    setErrors(found);
    if (found.categoryId || found.description) return;
    const category = categories.find((c) => c.value === form.categoryId)?.label ?? '';
    await onQueue({
      kind: 'request',
      label: `${category}: ${form.description.trim().slice(0, 60)}`,
      path: '/field/requests',
      body: {
        categoryId: Number(form.categoryId),
        description: form.description.trim(),
        districtId: districtId ? Number(districtId) : null,
        neighbourhoodId: neighbourhoodId ? Number(neighbourhoodId) : null,
        address: form.address.trim() || null,
        citizen: form.fullName.trim() || form.phone.trim() ? { fullName: form.fullName.trim() || null, phone: form.phone.trim() || null } : null,
        visitId: visit?.id ?? null,
        capturedAt: new Date().toISOString(),
      },
    });
    setForm(empty);
  }

  return (
    <Stack gap="sm">
      <Select label={t('field.capture.category')} data={categories} searchable value={form.categoryId} onChange={(v) => setForm({ ...form, categoryId: v })} error={errors.categoryId} withAsterisk />
      <Textarea label={t('field.capture.description')} autosize minRows={3} {...counted(form.description, 5000)} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={errors.description} withAsterisk />
      <Group grow>
        <Select label={t('field.capture.district')} data={data.districts.map((d) => ({ value: String(d.id), label: d.name }))} searchable value={districtId} onChange={(v) => setForm({ ...form, districtId: v, neighbourhoodId: null })} />
        <Select label={t('field.capture.neighbourhood')} data={hoods} searchable value={neighbourhoodId} onChange={(v) => setForm({ ...form, neighbourhoodId: v })} disabled={!districtId} />
      </Group>
      <TextInput label={t('field.capture.address')} value={form.address} onChange={(e) => setForm({ ...form, address: e.currentTarget.value })} />
      <Group grow>
        <TextInput label={t('field.capture.fullName')} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })} />
        <TextInput label={t('field.capture.phone')} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} />
      </Group>
      <Button onClick={() => void submit()}>{t('field.capture.save')}</Button>
    </Stack>
  );
}
