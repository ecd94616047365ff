import { useState, type FormEvent } from 'react';
import { Button, Group, List, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { portalApi } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { formatDateTime } from '../../dates';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useLocalName } from '../../hooks/useLocalName';
import { matchPath, useRoute } from '../../router';
import { PortalError } from './CodeStep';
import { PhoneSignIn } from './PhoneSignIn';
import { PortalStatus } from './PortalStatus';

const SCORES = [5, 4, 3, 2, 1] as const;

export default function PortalRequestPage() {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const { path } = useRoute();
  const trackingNo = matchPath('/portal/requests/:trackingNo', path)?.trackingNo ?? '';
  const request = useLoad(() => portalApi.request(trackingNo), [trackingNo]);
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const { run, busy, failure: error } = useAction();

  if (request.error instanceof ApiError && request.error.status === 401) {
    return (
      <Stack>
        <Title order={1}>{t('portal.request.title')}</Title>
        <Text>{t('portal.request.signIn', { trackingNo })}</Text>
        <PhoneSignIn trackingNo={trackingNo} onSignedIn={() => request.reload()} />
      </Stack>
    );
  }
  const r = request.data;

  async function rate(event: FormEvent) {
    event.preventDefault();
    if (!score) return;
    await run(async () => {
      await portalApi.rate(trackingNo, Number(score), comment.trim() || null);
      request.reload();
    });
  }

  return (
    <Stack>
      <Title order={1}>
        {t('portal.request.title')} {trackingNo}
      </Title>
      <PortalError error={request.error} />
      {r && (
        <>
          <Paper withBorder p="md">
            <Stack gap={6}>
              <Group>
                <Text fw={700}>{t('portal.request.status')}:</Text>
                <PortalStatus status={r.status} />
              </Group>
              <Text>
                <b>{t('portal.form.category')}:</b> {localName({ nameTr: r.categoryNameTr, nameEn: r.categoryNameEn })}
              </Text>
              <Text>
                <b>{t('portal.request.place')}:</b> {[r.address, r.neighbourhoodName, r.districtName].filter(Boolean).join(', ') || t('common.none')}
              </Text>
              <Text>
                <b>{t('portal.request.createdAt')}:</b> {formatDateTime(r.createdAt, i18n.language)}
              </Text>
              {r.dueAt && (
                <Text>
                  <b>{t('portal.request.dueAt')}:</b> {formatDateTime(r.dueAt, i18n.language)}
                </Text>
              )}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>
              {r.resolution && (
                <Text>
                  <b>{t('portal.request.resolution')}:</b> {r.resolution}
                </Text>
              )}
            </Stack>
          </Paper>
          <Title order={2} size="h3">
            {t('portal.request.timeline')}
          </Title>
          <List spacing="xs" data-testid="public-timeline">
            {r.timeline.map((e) => (
              <List.Item key={e.id}>
                <Text size="sm" c="gray.8" component="span">
                  {formatDateTime(e.at, i18n.language)}
                </Text>{' '}
                <Text component="span" fw={600}>
                  {i18n.exists(`portal.event.${e.type}`) ? t(`portal.event.${e.type}` as 'portal.event.created') : e.type}
                </Text>
                {e.text && <Text size="sm">{e.text}</Text>}
              </List.Item>
            ))}
          </List>
          {r.rating && (
            <Text data-testid="rating-done">{t('portal.rating.thanks', { score: r.rating.score })}</Text>
          )}
          {r.canRate && (
            <Paper withBorder p="md">
              <form onSubmit={(e) => void rate(e)} noValidate>
                <Stack gap="sm">
                  <Radio.Group label={t('portal.rating.question')} value={score} onChange={setScore} required>
                    <Stack gap={6} mt="xs">
                      {SCORES.map((s) => (
                        <Radio key={s} value={String(s)} label={t(`portal.rating.score${s}`)} color={PORTAL_COLOR} />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Textarea label={t('portal.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
                  <PortalError error={error} />
                  <Button type="submit" loading={busy} disabled={!score} color={PORTAL_COLOR}>
                    {t('portal.rating.send')}
                  </Button>
                </Stack>
              </form>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
