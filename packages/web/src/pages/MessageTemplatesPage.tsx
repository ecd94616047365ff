/**
 * What citizens are told, per event, language and channel. Administrators only: a change
 * reaches every citizen of the city, so the page shows the message filled with sample values
 * before it can be saved, and the server keeps the text before and after in the audit log.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listMessageTemplates, previewMessageTemplate, saveMessageTemplate, type MessagePreview, type MessageTemplate, type MessageTemplateDraft } from '../api/responseTemplates';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';
import { counted } from '../components/CharacterCount';

export default function MessageTemplatesPage() {
  const { t } = useTranslation();
  const templates = useLoad(listMessageTemplates, []);
  const [editing, setEditing] = useState<MessageTemplate | null>(null);

  return (
    <>
      <PageHeader title={t('messageTemplates.title')} />
      <Text c="dimmed" mb="md">
        {t('messageTemplates.hint')}
      </Text>
      <ErrorAlert error={templates.error} />
      {templates.loading && !templates.data && <Loader aria-label={t('common.loading')} />}
      {templates.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('messageTemplates.event')}</Table.Th>
                <Table.Th>{t('messageTemplates.language')}</Table.Th>
                <Table.Th>{t('messageTemplates.channel')}</Table.Th>
                <Table.Th>{t('messageTemplates.text')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((m) => (
                <Table.Tr key={`${m.key}/${m.locale}/${m.channel}`}>
                  <Table.Td>
                    <Anchor component="button" type="button" ff="monospace" onClick={() => setEditing(m)} aria-label={t('messageTemplates.editOne', { key: m.key, locale: m.locale, channel: m.channel })}>
                      {m.key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.locale.toUpperCase()}</Table.Td>
                  <Table.Td>{t(m.channel === 'sms' ? 'messageTemplates.sms' : 'messageTemplates.email')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {m.edited && <Badge variant="light">{t('messageTemplates.edited')}</Badge>}
                      <Text size="sm" lineClamp={1}>
                        {m.body}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            templates.reload();
          }}
        />
      )}
    </>
  );
}

function TemplateEditor({ template, onClose, onSaved }: { template: MessageTemplate; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<{ of: string; shown: MessagePreview } | null>(null);
  const { run, busy, failure, fieldError } = useAction();

  const draft: MessageTemplateDraft = { key: template.key, locale: template.locale, channel: template.channel, subject: template.channel === 'email' ? subject.trim() || null : null, body };
  // Saving needs a preview of exactly the text that would be saved.
  const previewed = preview?.of === JSON.stringify(draft);

  const showPreview = () => run(async () => setPreview({ of: JSON.stringify(draft), shown: await previewMessageTemplate(draft) }));
  const save = () =>
    run(async () => {
      await saveMessageTemplate(draft);
      notify({ message: t('messageTemplates.saved') });
      onSaved();
    });

  return (
    <Modal opened onClose={onClose} size="lg" title={`${template.key} · ${template.locale.toUpperCase()} · ${t(template.channel === 'sms' ? 'messageTemplates.sms' : 'messageTemplates.email')}`}>
      <Stack>
        <ErrorAlert error={failure} fields={['subject', 'body']} />
        {template.channel === 'email' && <TextInput label={t('messageTemplates.subject')} {...counted(subject, 300)} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={fieldError('subject')} />}
        <Textarea label={t('messageTemplates.body')} {...counted(body, 5000)} value={body} autosize minRows={4} onChange={(e) => setBody(e.currentTarget.value)} required error={fieldError('body')} />
        <Text size="xs" c="dimmed">
          {t('messageTemplates.placeholders', { list: template.placeholders.map((p) => `{${p}}`).join(' ') })}
        </Text>
        {preview && (
          <Paper withBorder p="sm" data-testid="message-preview">
            <Text size="xs" c="dimmed" mb={4}>
              {t(previewed ? 'messageTemplates.previewTitle' : 'messageTemplates.previewStale')}
            </Text>
            {preview.shown.subject !== null && <Text fw={600}>{preview.shown.subject}</Text>}
            <Text style={{ whiteSpace: 'pre-wrap' }}>{preview.shown.body}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('messageTemplates.characters', { count: preview.shown.characters })}
            </Text>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => void showPreview()} loading={busy && !previewed} disabled={!body.trim()}>
            {t('messageTemplates.preview')}
          </Button>
          <Button onClick={() => void save()} loading={busy && previewed} disabled={!previewed}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
