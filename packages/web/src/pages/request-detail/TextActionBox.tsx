import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseTemplate } from '../../api/responseTemplates';
import { useForm, type FieldErrors } from '../../hooks/useForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Values {
  text: string;
}

/**
 * One text and one button: the public reply, the internal note, the resolution. With
 * `templates`, a "Hazır yanıt" select fills the text (`fill` puts the request's values in).
 */
export function TextActionBox(props: {
  label: string;
  description?: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  templates?: ResponseTemplate[];
  fill?: (template: ResponseTemplate) => string;
  testId?: string;
  /** While the request is reloading after another change. */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({ text: '' });
  const templates = props.templates ?? [];

  const validate = (v: Values): FieldErrors<Values> => ({ text: v.text.trim() ? undefined : t('validation.required') });
  const save = async (v: Values) => {
    await props.onSubmit(v.text.trim());
    form.set('text', '');
  };

  return (
    <form
      noValidate
      data-testid={props.testId}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(validate, save);
      }}
    >
      <Stack gap="xs">
        {templates.length > 0 && props.fill && (
          <Select
            label={t('detail.template')}
            placeholder={t('detail.templatePlaceholder')}
            data={templates.map((template) => ({ value: String(template.id), label: template.name }))}
            value={null}
            onChange={(id) => {
              const template = templates.find((candidate) => String(candidate.id) === id);
              if (template) form.set('text', props.fill!(template));
            }}
            searchable
          />
        )}
        <Textarea
          label={props.label}
          description={props.description}
          autosize
          minRows={3}
          maxLength={5000}
          value={form.values.text}
          onChange={(event) => form.set('text', event.currentTarget.value)}
          error={form.errors.text}
        />
        <ErrorAlert error={form.failure} fields={form.fields} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.busy} disabled={props.disabled && !form.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
