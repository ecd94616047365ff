import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listCategories } from '../api/categories';
import { listDistricts } from '../api/places';
import { followRequest, type PossibleDuplicate } from '../api/requests';
import { listRequestTypes } from '../api/requestTypes';
import { listUnits } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useForm } from '../hooks/useForm';
import { asError } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { navigate, useRoute } from '../router';
import { CitizenFields } from './new-request/CitizenFields';
import { DuplicateList } from './new-request/DuplicateList';
import { FollowingRequest } from './new-request/FollowingRequest';
import { ACCEPTED_FILES, citizenOf, initialValues, intakeProblems, type IntakeValues } from './new-request/intake';
import { recordRequest, type Outcome } from './new-request/record';
import { RequestCreated } from './new-request/RequestCreated';
import { RequestFields } from './new-request/RequestFields';
import { useDuplicates } from './new-request/useDuplicates';

/** The agent's form: record a request from a call (or any channel) and read out its tracking number. */
export default function NewRequestPage() {
  // A new key empties the form for the next caller.
  const [round, setRound] = useState(0);
  const another = () => {
    // The next caller's form starts empty, without the previous call's prefill.
    if (window.location.search) navigate('/requests/new', { replace: true });
    setRound((n) => n + 1);
  };
  return <RequestForm key={round} onAnother={another} />;
}

function RequestForm({ onAnother }: { onAnother: () => void }) {
  const { t } = useTranslation();
  const categories = useLoad(listCategories, []);
  const requestTypes = useLoad(listRequestTypes, []);
  const districts = useLoad(listDistricts, []);
  const units = useLoad(listUnits, []);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [linked, setLinked] = useState<PossibleDuplicate | null>(null);
  // The agent console opens the form with the caller's details and the call to link (?contactId=).
  const { query } = useRoute();
  const contactId = Number(query.get('contactId')) || null;

  const form = useForm<IntakeValues>(initialValues(query));
  const { values, errors } = form;
  const duplicates = useDuplicates(values.categoryId, values.neighbourhoodId, values.description);

  const submit = () => void form.submit((v) => intakeProblems(v, t), async (v) => setOutcome(await recordRequest(v, contactId, t)));

  // The caller follows the existing request: told its number now and the solution later.
  const [linkError, setLinkError] = useState<string | null>(null);
  const [linkFailure, setLinkFailure] = useState<Error | null>(null);
  const link = async (duplicate: PossibleDuplicate) => {
    setLinkError(null);
    setLinkFailure(null);
    if (values.anonymous || (!values['citizen.phone'].trim() && !values['citizen.email'].trim())) {
      setLinkError(t('newRequest.linkNeedsContact'));
      return;
    }
    try {
      await followRequest(duplicate.id, { channel: values.channel, citizen: citizenOf(values) });
      setLinked(duplicate);
    } catch (error) {
      setLinkFailure(asError(error));
    }
  };

  if (outcome) return <RequestCreated outcome={outcome} units={units.data} fromConsole={contactId !== null} onAnother={onAnother} />;
  if (linked) return <FollowingRequest request={linked} onAnother={onAnother} onBack={() => setLinked(null)} />;

  return (
    <>
      <PageHeader title={t('newRequest.title')} />
      <ErrorAlert error={categories.error ?? requestTypes.error ?? districts.error} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack maw={880}>
          <RequestFields form={form} categories={categories.data} requestTypes={requestTypes.data} districts={districts.data} onSubmit={submit} />

          <DuplicateList items={duplicates.data ?? []} onLink={(duplicate) => void link(duplicate)} />
          {linkError && (
            <Alert color="red" role="alert">
              {linkError}
            </Alert>
          )}
          <ErrorAlert error={linkFailure} />

          <CitizenFields form={form} />

          <FileInput<true>
            label={t('newRequest.files')}
            description={t('newRequest.filesHint')}
            multiple
            accept={ACCEPTED_FILES}
            value={values.files}
            onChange={(files) => form.set('files', files)}
            error={errors.files}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />

          <ErrorAlert error={form.failure} fields={form.fields} />
          <Group>
            <Button type="submit" size="md" loading={form.busy}>
              {t('newRequest.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
