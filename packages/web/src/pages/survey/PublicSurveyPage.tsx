/**
 * The page behind a survey link (/s/TOKEN), for citizens: no sign-in, the signed token is the
 * permission; one answer per link.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { answerSurveyLink, getSurveyLink } from '../../api/surveys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { setLanguage } from '../../i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLoad } from '../../hooks/useLoad';
import { useRoute } from '../../router';
import { SurveyQuestions } from './SurveyQuestions';
import { useSurveyAnswers } from './useSurveyAnswers';

export default function PublicSurveyPage() {
  const { t, i18n } = useTranslation();
  const { path, query } = useRoute();
  const token = decodeURIComponent(path.slice(3));
  // The link in an English message says so; the switch still lets the reader change it.
  const lang = query.get('lang');
  useEffect(() => {
    if (lang === 'en' || lang === 'tr') setLanguage(lang);
  }, [lang]);
  const linked = useLoad(() => getSurveyLink(token), [token]);
  const { answers, setAnswers, errors, send, busy, failure: error } = useSurveyAnswers();
  const [done, setDone] = useState(false);
  const survey = linked.data?.survey;
  const title = survey ? (i18n.language === 'en' && survey.titleEn ? survey.titleEn : survey.titleTr) : t('surveys.answer.title');
  useDocumentTitle(`${title} · ${t('app.name')}`);

  async function submit() {
    if (!survey) return;
    await send(survey.questions, async (given) => {
      await answerSurveyLink(token, given);
      setDone(true);
    });
  }

  const state = done ? 'thanks' : linked.data?.state;
  return (
    <Container size="sm" py="lg">
      <Stack>
        <Stack gap={0} align="flex-end">
          <LanguageSwitch />
        </Stack>
        <Title order={1}>{title}</Title>
        {linked.loading && !linked.data && (
          <Center>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        <ErrorAlert error={linked.error} />
        {state === 'thanks' && (
          <Alert color="teal" title={t('surveys.answer.thanksTitle')} role="status">
            {t('surveys.answer.thanks')}
          </Alert>
        )}
        {state && state !== 'open' && state !== 'thanks' && <Alert color="yellow">{t(`surveys.answer.state.${state}` as 'surveys.answer.state.answered')}</Alert>}
        {state === 'open' && survey && (
          <Paper withBorder p="md">
            <Stack>
              {(i18n.language === 'en' ? (survey.introEn ?? survey.introTr) : survey.introTr) && <Text>{i18n.language === 'en' ? (survey.introEn ?? survey.introTr) : survey.introTr}</Text>}
              <SurveyQuestions questions={survey.questions} answers={answers} onChange={setAnswers} errors={errors} />
              <ErrorAlert error={error} />
              <Button onClick={() => void submit()} loading={busy}>
                {t('surveys.answer.send')}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
