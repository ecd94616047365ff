import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../api/client';
import { attachmentPath, uploadAttachment } from '../../api/requests';
import { useAction } from '../../hooks/useAction';
import { useNotify } from '../../hooks/useNotices';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Shown } from '../RequestDetailPage';
import { InternalBadge } from './InternalBadge';

const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** A request's files, to download, and a small form to add one. */
export function RequestAttachments({ request: { id: requestId, attachments }, onUploaded }: { request: Shown<'attachments'>; onUploaded: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [visible, setVisible] = useState(false);
  const { run, busy, failure } = useAction();

  async function upload() {
    if (!file) return;
    await run(async () => {
      await uploadAttachment(requestId, file, visible ? 'public' : 'internal');
      notify({ message: t('detail.uploaded', { file: file.name }) });
      setFile(null);
      onUploaded();
    });
  }

  return (
    <Stack gap="sm">
      {attachments.length === 0 && <Text c="dimmed">{t('detail.noAttachments')}</Text>}
      {attachments.map((attachment) => (
        <Group key={attachment.id} gap="xs">
          <Anchor href={fileUrl(attachmentPath(requestId, attachment.id))} target="_blank" rel="noopener" download={attachment.fileName}>
            {attachment.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {size(attachment.sizeBytes)}
          </Text>
          <InternalBadge visibility={attachment.visibility} />
        </Group>
      ))}
      <Group align="flex-end">
        <FileInput label={t('detail.file')} description={t('newRequest.filesHint')} accept={ACCEPTED_FILES} value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('common.clear') }} w={280} />
        <Switch label={t('detail.fileVisibility')} checked={visible} onChange={(event) => setVisible(event.currentTarget.checked)} mb={8} />
        <Button variant="default" onClick={() => void upload()} disabled={!file} loading={busy}>
          {t('detail.upload')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
    </Stack>
  );
}
