import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalConfig } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { photosProblem, sendPhoto, type PhotoOutcome } from './photos';

/**
 * The photos sent with a new request, once it exists: each one added, or why not, with a way
 * to try again or to choose another. The request is recorded either way, and says so.
 */
export function RequestPhotos({ trackingNo, limits, sent }: { trackingNo: string; limits: Pick<PortalConfig, 'maxPhotoBytes' | 'maxPhotos' | 'photoTypes'>; sent: PhotoOutcome[] }) {
  const { t } = useTranslation();
  const [outcomes, setOutcomes] = useState(sent);
  const [busy, setBusy] = useState(false);
  const [chosenProblem, setChosenProblem] = useState<string | null>(null);
  if (!outcomes.length) return null;
  const added = outcomes.filter((o) => !o.problem);
  const failed = outcomes.filter((o) => o.problem);

  async function retry(outcome: PhotoOutcome) {
    setBusy(true);
    const result = await sendPhoto(trackingNo, outcome.file, limits, added.length, t);
    setOutcomes((all) => all.map((o) => (o === outcome ? result : o)));
    setBusy(false);
  }

  async function addOthers(files: File[]) {
    const problem = added.length + files.length > limits.maxPhotos ? t('portal.form.tooManyPhotos', { max: limits.maxPhotos }) : photosProblem(files, limits, t);
    setChosenProblem(problem);
    if (problem || !files.length) return;
    setBusy(true);
    let count = added.length;
    for (const file of files) {
      const result = await sendPhoto(trackingNo, file, limits, count, t);
      if (!result.problem) count++;
      setOutcomes((all) => [...all, result]);
    }
    setBusy(false);
  }

  return (
    <Stack gap="xs" data-testid="photo-outcomes">
      {added.map((o, i) => (
        <Text key={`added-${i}`} size="sm" data-testid="photo-added">
          {t('portal.photo.added', { name: o.file.name })}
        </Text>
      ))}
      {failed.length > 0 && (
        <Alert color="red" variant="outline" title={t('portal.photo.failedTitle')} role="alert" styles={{ title: { color: 'var(--mantine-color-red-9)' } }} data-testid="photo-problems">
          <Stack gap="xs">
            <Text size="sm" c="gray.9">{t('portal.photo.failedHint')}</Text>
            <List size="sm" c="gray.9">
              {failed.map((o, i) => (
                <List.Item key={`failed-${i}`} data-testid="photo-problem">
                  <Group gap="xs">
                    <span>{o.problem}</span>
                    {o.retry && (
                      <Button size="compact-sm" variant="outline" color={PORTAL_COLOR} loading={busy} onClick={() => void retry(o)}>
                        {t('portal.photo.retry')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
            {added.length < limits.maxPhotos && (
              <FileInput
                label={t('portal.photo.add')}
                description={t('portal.form.photosHint', { max: limits.maxPhotos, size: limits.maxPhotoBytes / 1048576 })}
                multiple
                accept={limits.photoTypes.join(',')}
                value={[]}
                onChange={(files) => void addOthers(files)}
                error={chosenProblem}
                disabled={busy}
              />
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
