/**
 * Satisfaction call-backs for agents: citizens of resolved requests who have not rated the
 * solution. The agent calls, reads the satisfaction survey and records the answers.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listActiveSatisfaction, listCallbacks, recordCallback, type Callback } from '../api/surveys';
import { ErrorAlert } from '../components/ErrorAlert';
import { ModalButtons } from '../components/FormButtons';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { SurveyQuestions } from './survey/SurveyQuestions';
import { useSurveyAnswers } from './survey/useSurveyAnswers';
import { formatPhone } from '@cozum/domain';

export default function SurveyCallbacksPage() {
  const { t, i18n } = useTranslation();
  const survey = useLoad(() => listActiveSatisfaction(), []);
  const callbacks = useLoad(() => listCallbacks(), []);
  const [calling, setCalling] = useState<Callback | null>(null);
  const { answers, setAnswers, errors, send, reset, failure: error } = useSurveyAnswers();
  const [done, setDone] = useState<string | null>(null);

  async function save() {
    const satisfaction = survey.data;
    if (!satisfaction || !calling) return;
    await send(satisfaction.questions, async (given) => {
      await recordCallback(satisfaction.id, calling.requestId, given);
      setDone(calling.trackingNo);
      setCalling(null);
      callbacks.reload();
    });
  }

  return (
    <>
      <PageHeader title={t('surveys.callbacks.title')} />
      <Text mb="md">{t('surveys.callbacks.intro')}</Text>
      <ErrorAlert error={survey.error ?? callbacks.error} />
      {survey.data === null && <Alert color="yellow">{t('surveys.callbacks.noSurvey')}</Alert>}
      {done && (
        <Alert color="teal" withCloseButton onClose={() => setDone(null)} mb="md">
          {t('surveys.callbacks.saved', { trackingNo: done })}
        </Alert>
      )}
      {callbacks.data?.length === 0 && <Text c="dimmed">{t('surveys.callbacks.none')}</Text>}
      {!!callbacks.data?.length && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('surveys.callbacks.request')}</Table.Th>
              <Table.Th>{t('surveys.callbacks.citizen')}</Table.Th>
              <Table.Th>{t('surveys.callbacks.resolvedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {callbacks.data.map((c) => (
              <Table.Tr key={c.requestId}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{c.trackingNo}</Text>
                  <Text size="xs" c="dimmed">{c.categoryTr}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.fullName ?? t('common.none')}</Text>
                  <Text size="sm" ff="monospace">{formatPhone(c.phone)}</Text>
                  {c.locale === 'en' && <Badge size="xs">EN</Badge>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(c.resolvedAt, i18n.language)}</Text>
                  <Text size="xs" c="dimmed">{c.linkSent ? t('surveys.callbacks.linkSent') : t('surveys.callbacks.noLink')}</Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" disabled={!survey.data} onClick={() => { setCalling(c); reset(); }}>
                    {t('surveys.callbacks.take')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {calling && survey.data && (
        <Modal opened onClose={() => setCalling(null)} size="lg" title={t('surveys.callbacks.modal', { trackingNo: calling.trackingNo, name: calling.fullName ?? '' })}>
          <Stack>
            {calling.resolution && (
              <Text size="sm" c="dimmed">
                {t('surveys.callbacks.resolution')}: {calling.resolution}
              </Text>
            )}
            <SurveyQuestions questions={survey.data.questions} answers={answers} onChange={setAnswers} errors={errors} />
            <ErrorAlert error={error} />
            <ModalButtons onCancel={() => setCalling(null)} onSave={save} saveLabel={t('surveys.callbacks.save')} />
          </Stack>
        </Modal>
      )}
    </>
  );
}
