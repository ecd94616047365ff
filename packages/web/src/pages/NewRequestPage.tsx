import { useState } from 'react';
import { Alert, Button, Fieldset, FileInput, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler, useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { listCategories } from '../api/categories';
import { listDistricts } from '../api/places';
import { CHANNELS, createRequest, findDuplicates, followRequest, uploadAttachment, type Channel, type CreatedRequest, type PossibleDuplicate } from '../api/requests';
import { listRequestTypes } from '../api/requestTypes';
import { listUnits } from '../api/units';
import type { Locale } from '../api/users';
import { CategorySelect } from '../components/CategorySelect';
import { DuplicateList } from '../components/DuplicateList';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PlaceSelects } from '../components/PlaceSelects';
import { formatDateTime } from '../dates';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useUser } from '../hooks/useSession';
import { mayVisit, pageAt } from '../navigation';
import { linkProps, navigate, useRoute } from '../router';
import { closeContact } from '../api/live';

const DUPLICATE_DELAY_MS = 600;
/** Shorter text matches too much to be worth asking about. */
const DUPLICATE_MIN_CHARS = 10;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Citizen fields are named as the server names them in errors ("citizen.phone"), so its
// field messages land under the right input.
interface Values {
  categoryId: number | null;
  requestType: string | null;
  channel: Channel;
  description: string;
  districtId: number | null;
  neighbourhoodId: number | null;
  address: string;
  anonymous: boolean;
  'citizen.fullName': string;
  'citizen.phone': string;
  'citizen.tcKimlikNo': string;
  'citizen.email': string;
  'citizen.locale': Locale;
  files: File[];
}

interface Outcome {
  created: CreatedRequest;
  uploadFailures: string[];
  /** Opened from the agent console: the call the request was recorded on, now closed with it. */
  contactLinked?: boolean;
}

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
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const user = useUser();
  const categories = useLoad(listCategories, []);
  const requestTypes = useLoad(listRequestTypes, []);
  const districts = useLoad(listDistricts, []);
  const units = useLoad(listUnits, []);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [linked, setLinked] = useState<PossibleDuplicate | null>(null);
  // The agent console opens the form with the caller's details and the call to link (?contactId=).
  const { query } = useRoute();
  const contactId = Number(query.get('contactId')) || null;

  const form = useForm<Values>({
    categoryId: Number(query.get('categoryId')) || null,
    requestType: null,
    channel: 'phone',
    description: query.get('description') ?? '',
    districtId: null,
    neighbourhoodId: null,
    address: '',
    anonymous: false,
    'citizen.fullName': query.get('name') ?? '',
    'citizen.phone': query.get('phone') ?? '',
    'citizen.tcKimlikNo': '',
    'citizen.email': '',
    'citizen.locale': 'tr',
    files: [],
  });
  const { values, errors } = form;

  const [typed] = useDebouncedValue(values.description.trim(), DUPLICATE_DELAY_MS);
  const { categoryId, neighbourhoodId } = values;
  const duplicates = useLoad(
    () =>
      categoryId !== null && neighbourhoodId !== null && typed.length >= DUPLICATE_MIN_CHARS
        ? findDuplicates({ categoryId, neighbourhoodId, description: typed })
        : Promise.resolve([]),
    [categoryId, neighbourhoodId, typed],
  );

  const chooseCategory = (id: number | null) => {
    form.set('categoryId', id);
    const category = categories.data?.find((c) => c.id === id);
    if (category) form.set('requestType', category.requestType);
  };

  const validate = (v: Values): FieldErrors<Values> => {
    const tckn = v['citizen.tcKimlikNo'].trim();
    const email = v['citizen.email'].trim();
    return {
      categoryId: v.categoryId === null ? t('validation.required') : undefined,
      description: v.description.trim() ? undefined : t('validation.required'),
      'citizen.tcKimlikNo': v.anonymous || !tckn || /^\d{11}$/.test(tckn) ? undefined : t('validation.tcKimlikNo'),
      'citizen.email': v.anonymous || !email || EMAIL.test(email) ? undefined : t('validation.email'),
      files: v.files.some((file) => file.size > MAX_FILE_BYTES) ? t('newRequest.filesHint') : undefined,
    };
  };

  const save = async (v: Values) => {
    const optional = (text: string) => text.trim() || null;
    const created = await createRequest({
      categoryId: v.categoryId!,
      requestType: v.requestType ?? undefined,
      description: v.description.trim(),
      channel: v.channel,
      districtId: v.districtId,
      neighbourhoodId: v.neighbourhoodId,
      address: optional(v.address),
      citizen: v.anonymous
        ? null
        : {
            fullName: optional(v['citizen.fullName']),
            phone: optional(v['citizen.phone']),
            tcKimlikNo: optional(v['citizen.tcKimlikNo']),
            email: optional(v['citizen.email']),
            locale: v['citizen.locale'],
          },
    });
    // The request stands even if a file is refused; say which ones did not go.
    const uploadFailures: string[] = [];
    for (const file of v.files) {
      try {
        await uploadAttachment(created.id, file, 'internal');
      } catch (error) {
        uploadFailures.push(t('newRequest.uploadFailed', { file: file.name, message: (error as Error).message }));
      }
    }
    let contactLinked: boolean | undefined;
    if (contactId) {
      try {
        await closeContact(contactId, { outcome: 'request_created', requestId: created.id });
        contactLinked = true;
      } catch (error) {
        contactLinked = false;
        uploadFailures.push(t('console.linkFailed', { message: (error as Error).message }));
      }
    }
    setOutcome({ created, uploadFailures, contactLinked });
  };

  const submit = () => void form.submit(validate, save);

  // The caller follows the existing request: told its number now and the solution later.
  const [linkError, setLinkError] = useState<string | null>(null);
  const link = async (duplicate: PossibleDuplicate) => {
    setLinkError(null);
    const phone = values['citizen.phone'].trim();
    const email = values['citizen.email'].trim();
    if (values.anonymous || (!phone && !email)) {
      setLinkError(t('newRequest.linkNeedsContact'));
      return;
    }
    try {
      await followRequest(duplicate.id, {
        channel: values.channel,
        citizen: { fullName: values['citizen.fullName'].trim() || null, phone: phone || null, email: email || null, tcKimlikNo: values['citizen.tcKimlikNo'].trim() || null, locale: values['citizen.locale'] },
      });
      setLinked(duplicate);
    } catch (error) {
      setLinkError((error as Error).message);
    }
  };

  if (outcome) {
    const unit = units.data?.find((u) => u.id === outcome.created.unitId);
    const detail = pageAt(`/requests/${outcome.created.id}`);
    return (
      <Stack maw={720}>
        <PageHeader title={t('newRequest.title')} />
        <Paper withBorder p="xl" radius="md" bg="teal.0" data-testid="request-created">
          <Title order={2} size="h3" mb="sm">
            {t('newRequest.createdTitle')}
          </Title>
          <Text c="dimmed">{t('newRequest.trackingNo')}</Text>
          <Text fz={40} fw={700} ff="monospace" data-testid="tracking-number">
            {outcome.created.trackingNo}
          </Text>
          {unit && <Text mt="sm">{t('newRequest.routedTo', { unit: localName(unit) })}</Text>}
          {outcome.created.dueAt && <Text>{t('newRequest.dueAt', { date: formatDateTime(outcome.created.dueAt, i18n.language) })}</Text>}
        </Paper>
        {outcome.contactLinked && (
          <Alert color="teal" data-testid="contact-linked">
            {t('console.linked')}
          </Alert>
        )}
        {outcome.uploadFailures.map((message) => (
          <Alert key={message} color="red" role="alert">
            {message}
          </Alert>
        ))}
        <Group>
          <Button onClick={onAnother} data-autofocus autoFocus>
            {t('newRequest.another')}
          </Button>
          {detail && mayVisit(detail, user.role) && (
            <Button variant="default" component="a" {...linkProps(`/requests/${outcome.created.id}`)}>
              {t('newRequest.open')}
            </Button>
          )}
          {contactId && (
            <Button variant="default" component="a" {...linkProps('/console')}>
              {t('console.backToConsole')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  if (linked) {
    return (
      <Stack maw={720}>
        <PageHeader title={t('newRequest.title')} />
        <Alert color="blue" title={t('newRequest.linkedTitle', { trackingNo: linked.trackingNo })} data-testid="linked-request">
          <Text>{t('newRequest.linkedText')}</Text>
          <Text fz={32} fw={700} ff="monospace" data-testid="tracking-number">
            {linked.trackingNo}
          </Text>
        </Alert>
        <Group>
          <Button onClick={onAnother} autoFocus>
            {t('newRequest.another')}
          </Button>
          <Button variant="default" onClick={() => setLinked(null)}>
            {t('newRequest.backToForm')}
          </Button>
        </Group>
      </Stack>
    );
  }

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
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CategorySelect
              label={t('newRequest.category')}
              placeholder={t('newRequest.categoryPlaceholder')}
              categories={categories.data ?? []}
              value={values.categoryId}
              onChange={chooseCategory}
              error={errors.categoryId}
              leavesOnly
              required
              autoFocus
            />
            <Select
              label={t('newRequest.requestType')}
              data={(requestTypes.data ?? []).map((type) => ({ value: type.code, label: localName(type) }))}
              value={values.requestType}
              onChange={(type) => form.set('requestType', type)}
              error={errors.requestType}
              allowDeselect={false}
            />
            <Select<Channel>
              label={t('newRequest.channel')}
              data={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
              value={values.channel}
              onChange={(channel) => channel && form.set('channel', channel)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label={t('newRequest.description')}
            required
            autosize
            minRows={4}
            maxLength={5000}
            value={values.description}
            onChange={(event) => form.set('description', event.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PlaceSelects
              districts={districts.data ?? []}
              districtId={values.districtId}
              neighbourhoodId={values.neighbourhoodId}
              onDistrict={(id) => form.set('districtId', id)}
              onNeighbourhood={(id) => form.set('neighbourhoodId', id)}
              districtLabel={t('newRequest.district')}
              neighbourhoodLabel={t('newRequest.neighbourhood')}
              errors={{ districtId: errors.districtId, neighbourhoodId: errors.neighbourhoodId }}
            />
            <TextInput label={t('newRequest.address')} maxLength={500} value={values.address} onChange={(event) => form.set('address', event.currentTarget.value)} error={errors.address} />
          </SimpleGrid>

          <DuplicateList items={duplicates.data ?? []} onLink={(duplicate) => void link(duplicate)} />
          {linkError && (
            <Alert color="red" role="alert">
              {linkError}
            </Alert>
          )}

          <Fieldset legend={t('newRequest.citizen')}>
            <Stack>
              <Switch
                label={t('newRequest.anonymous')}
                description={values.anonymous ? t('newRequest.anonymousHint') : undefined}
                checked={values.anonymous}
                onChange={(event) => form.set('anonymous', event.currentTarget.checked)}
              />
              {!values.anonymous && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('newRequest.fullName')} autoComplete="off" maxLength={200} value={values['citizen.fullName']} onChange={(event) => form.set('citizen.fullName', event.currentTarget.value)} error={errors['citizen.fullName']} />
                  <TextInput label={t('newRequest.phone')} type="tel" autoComplete="off" maxLength={30} value={values['citizen.phone']} onChange={(event) => form.set('citizen.phone', event.currentTarget.value)} error={errors['citizen.phone']} />
                  <TextInput label={t('newRequest.tcKimlikNo')} inputMode="numeric" autoComplete="off" maxLength={11} value={values['citizen.tcKimlikNo']} onChange={(event) => form.set('citizen.tcKimlikNo', event.currentTarget.value)} error={errors['citizen.tcKimlikNo']} />
                  <TextInput label={t('newRequest.email')} type="email" autoComplete="off" maxLength={254} value={values['citizen.email']} onChange={(event) => form.set('citizen.email', event.currentTarget.value)} error={errors['citizen.email']} />
                  <Select<Locale>
                    label={t('newRequest.locale')}
                    data={[
                      { value: 'tr', label: 'Türkçe' },
                      { value: 'en', label: 'English' },
                    ]}
                    value={values['citizen.locale']}
                    onChange={(locale) => locale && form.set('citizen.locale', locale)}
                    allowDeselect={false}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Fieldset>

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

          <ErrorAlert error={form.failure} />
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
