import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Box, Button, Checkbox, FileInput, List, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { portalApi, type PortalCategory } from '../../api/portal';
import { alphabetical } from '../../alphabetical';
import { foldedFilter } from '../../components/foldedFilter';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useLocalName } from '../../hooks/useLocalName';
import { currentLanguage } from '../../i18n';
import { linkProps } from '../../router';
import { firstWith, isEmail, isMobile } from './checks';
import { CodeStep, PortalError } from './CodeStep';
import { DistrictMap } from './DistrictMap';
import { photosProblem, sendPhoto, type PhotoOutcome } from './photos';
import { RequestPhotos } from './RequestPhotos';
import { SmsUnavailable } from './SmsNotice';

type Step = { kind: 'form' } | { kind: 'code'; submissionId: string; phone: string } | { kind: 'done'; trackingNo: string; photos: PhotoOutcome[] };

/** The form's fields in the order the citizen meets them: the first one with a problem takes the focus. */
const FIELDS = ['categoryId', 'description', 'districtId', 'neighbourhoodId', 'address', 'file', 'fullName', 'phone', 'email', 'consent'] as const;
type Field = (typeof FIELDS)[number];

/** The server's word on a field, under the names it may use for it (a pin is the district's). */
const serverMessage = (error: unknown, field: Field): string | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  if (field === 'districtId') return error.fieldMessage('districtId') ?? error.fieldMessage('latitude') ?? error.fieldMessage('longitude');
  if (field === 'consent') return error.fieldMessage('consent') ?? error.fieldMessage('noticeVersion');
  return error.fieldMessage(field);
};

export default function PortalNewRequestPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const config = useLoad(() => portalApi.config(), []);
  const categories = useLoad(() => portalApi.categories(), []);
  const districts = useLoad(() => portalApi.districts(), []);
  const boundaries = useLoad(() => portalApi.boundaries(), []);

  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [neighbourhoodId, setNeighbourhoodId] = useState<string | null>(null);
  const [pin, setPin] = useState<{ latitude: number; longitude: number } | null>(null);
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const { run, busy, failure: error } = useAction();
  // Past a few codes to this number the browser proves some work before the code is sent.
  const [proving, setProving] = useState(false);
  const neighbourhoods = useLoad(() => (districtId ? portalApi.neighbourhoods(Number(districtId)) : Promise.resolve({ items: [] })), [districtId]);

  const cfg = config.data;
  const loadError = config.error ?? categories.error ?? districts.error ?? neighbourhoods.error;
  const photoProblem = cfg ? photosProblem(photos, cfg, t) : null;
  // The form's own checks, from the first try on, as the citizen corrects; then the server's.
  const [tried, setTried] = useState(false);
  const ownProblems = (): Partial<Record<Field, string>> => ({
    categoryId: categoryId ? undefined : t('portal.form.needCategory'),
    description: description.trim().length >= 10 ? undefined : t('portal.form.needDescription'),
    districtId: districtId || pin || address.trim() ? undefined : t('portal.form.needPlace'),
    file: photoProblem ?? undefined,
    phone: isMobile(phone) ? undefined : t('portal.form.needPhone'),
    email: !email.trim() || isEmail(email) ? undefined : t('portal.form.badEmail'),
    consent: consent ? undefined : t('portal.form.needConsent'),
  });
  const own = tried ? ownProblems() : { file: photoProblem ?? undefined };
  const problem = (field: Field) => own[field] ?? serverMessage(error, field);
  const inputs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const inputRef = (field: Field) => (element: HTMLElement | null) => {
    inputs.current[field] = element;
  };
  /**
   * Brings the first field with a problem to where the citizen looks, and the keyboard to it.
   * A list (topic, district) is only scrolled to: focusing it would open its options over the message.
   */
  const focusFirst = (problems: Partial<Record<Field, string | undefined>>) => {
    const first = firstWith(FIELDS, problems);
    const element = first ? inputs.current[first] : null;
    if (element) {
      element.scrollIntoView({ block: 'center' });
      if (element.getAttribute('role') !== 'combobox' && element.getAttribute('aria-haspopup') !== 'listbox') element.focus({ preventScroll: true });
    }
    return first;
  };

  // The citizen may type an everyday word for the topic ("lamba", "çukur") instead of its name.
  const categoryFilter = useMemo(() => foldedFilter(new Map((categories.data?.items ?? []).map((c) => [String(c.id), c.synonyms]))), [categories.data]);
  const leaves = (categories.data?.items ?? []).filter((c, _, all) => !all.some((other) => other.parentId === c.id));
  const byId = new Map((categories.data?.items ?? []).map((c) => [c.id, c]));
  const label = (c: PortalCategory) => {
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    return parent ? `${localName(parent)} › ${localName(c)}` : localName(c);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (focusFirst(ownProblems()) || !cfg) return;
    await run(async () => {
      const started = await portalApi.submit({
        categoryId: Number(categoryId ?? 0),
        description,
        districtId: districtId ? Number(districtId) : null,
        neighbourhoodId: neighbourhoodId ? Number(neighbourhoodId) : null,
        latitude: pin?.latitude ?? null,
        longitude: pin?.longitude ?? null,
        address: address.trim() || null,
        fullName: fullName.trim() || null,
        phone,
        email: email.trim() || null,
        locale: currentLanguage(),
        consent,
        noticeVersion: cfg.noticeVersion,
        website,
      }, setProving).catch((failure: unknown) => {
        focusFirst(Object.fromEntries(FIELDS.map((field) => [field, serverMessage(failure, field)])));
        throw failure;
      });
      setStep({ kind: 'code', submissionId: started.submissionId, phone: started.phone });
    });
  }

  async function confirm(submissionId: string, code: string) {
    const { trackingNo } = await portalApi.confirmSubmission(submissionId, code);
    // The confirmation opened a citizen session: the photos go to the new request with it, and
    // each one that does not is told on the next page, with a way to try again.
    const sent: PhotoOutcome[] = [];
    for (const photo of photos) sent.push(await sendPhoto(trackingNo, photo, cfg!, sent.filter((o) => !o.problem).length, t));
    setStep({ kind: 'done', trackingNo, photos: sent });
  }

  if (cfg?.sms === 'unavailable') {
    return (
      <Stack>
        <Title order={1}>{t('portal.new.title')}</Title>
        <SmsUnavailable />
      </Stack>
    );
  }
  if (step.kind === 'code') {
    return (
      <Stack>
        <Title order={1}>{t('portal.code.title')}</Title>
        <CodeStep phone={step.phone} length={cfg?.codeLength ?? 6} sms={cfg?.sms} onAgain={() => setStep({ kind: 'form' })} onSubmit={(code) => confirm(step.submissionId, code)} />
      </Stack>
    );
  }
  if (step.kind === 'done') {
    return (
      <Stack>
        <Title order={1}>{t('portal.done.title')}</Title>
        <Text>{t('portal.done.text')}</Text>
        <Paper withBorder p="md">
          <Text>{t('portal.done.trackingNo')}</Text>
          <Text fz={28} fw={700} data-testid="tracking-number">
            {step.trackingNo}
          </Text>
        </Paper>
        {cfg && <RequestPhotos trackingNo={step.trackingNo} limits={cfg} sent={step.photos} />}
        <Button component="a" {...linkProps(`/portal/requests/${step.trackingNo}`)} color={PORTAL_COLOR}>
          {t('portal.done.follow')}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Title order={1}>{t('portal.new.title')}</Title>
        <Text>{t('portal.new.intro')}</Text>
        {loadError && (
          <Alert color="red" variant="outline" title={t('portal.form.loadFailed')} role="alert" styles={{ title: { color: 'var(--mantine-color-red-9)' } }} data-testid="form-load-failed">
            <Text c="gray.9" size="sm">{loadError instanceof ApiError && loadError.status !== 0 ? loadError.message : t('portal.errors.network')}</Text>
          </Alert>
        )}
        <Select
          label={t('portal.form.category')}
          description={t('portal.form.categoryHint')}
          data={leaves.map((c) => ({ value: String(c.id), label: label(c) })).sort(alphabetical((option) => option.label))}
          value={categoryId}
          onChange={setCategoryId}
          searchable
          filter={categoryFilter}
          nothingFoundMessage={t('portal.form.noCategory')}
          required
          error={problem('categoryId')}
          ref={inputRef('categoryId')}
        />
        <Textarea label={t('portal.form.description')} description={t('portal.form.descriptionHint')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={4} maxLength={5000} required error={problem('description')} ref={inputRef('description')} />
        <Select
          label={t('portal.form.district')}
          data={(districts.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          value={districtId}
          onChange={(value) => {
            setDistrictId(value);
            setNeighbourhoodId(null);
            setPin(null);
          }}
          searchable
          filter={foldedFilter()}
          error={problem('districtId')}
          ref={inputRef('districtId')}
        />
        <Select
          label={t('portal.form.neighbourhood')}
          data={(neighbourhoods.data?.items ?? []).map((n) => ({ value: String(n.id), label: n.name }))}
          value={neighbourhoodId}
          onChange={setNeighbourhoodId}
          searchable
          filter={foldedFilter()}
          disabled={!districtId}
          error={problem('neighbourhoodId')}
          ref={inputRef('neighbourhoodId')}
        />
        {boundaries.data && (
          <DistrictMap
            features={boundaries.data.features}
            attribution={boundaries.data.attribution}
            tiles={cfg?.mapTiles ?? null}
            pin={pin}
            selectedCode={(districts.data?.items ?? []).find((d) => String(d.id) === districtId)?.code ?? null}
            onPin={(at, code) => {
              const district = districts.data?.items.find((d) => d.code === code);
              if (district && String(district.id) !== districtId) {
                setDistrictId(String(district.id));
                setNeighbourhoodId(null);
              }
              setPin(at);
            }}
          />
        )}
        {boundaries.error && <Text size="sm" c="gray.8" data-testid="map-failed">{t('portal.map.failed')}</Text>}
        <Text size="sm" c="gray.8">{pin ? t('portal.map.pinned', { lat: pin.latitude.toFixed(5), lon: pin.longitude.toFixed(5) }) : t('portal.map.hint')}</Text>
        <TextInput label={t('portal.form.address')} description={t('portal.form.addressHint')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={500} error={problem('address')} ref={inputRef('address')} />
        <FileInput
          label={t('portal.form.photos')}
          description={cfg ? t('portal.form.photosHint', { max: cfg.maxPhotos, size: cfg.maxPhotoBytes / 1048576 }) : undefined}
          multiple
          clearable
          accept="image/jpeg,image/png,image/webp"
          value={photos}
          onChange={setPhotos}
          error={problem('file')}
          ref={inputRef('file')}
        />
        <TextInput label={t('portal.form.fullName')} description={t('portal.form.fullNameHint')} autoComplete="name" value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={problem('fullName')} ref={inputRef('fullName')} />
        <TextInput label={t('portal.form.phone')} description={t('portal.form.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} required error={problem('phone')} ref={inputRef('phone')} />
        <TextInput label={t('portal.form.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={problem('email')} ref={inputRef('email')} />
        {/* The honeypot: off-screen and out of the tab order, so only robots fill it in. */}
        <Box aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
          <label>
            Website
            <input type="text" name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.currentTarget.value)} />
          </label>
        </Box>
        <Paper withBorder p="sm">
          <Title order={2} size="h4" id="kvkk-title">
            {t('portal.notice.title')}
          </Title>
          {/* Scrollable, so it takes the keyboard focus too. */}
          <Box className="cozum-portal-notice" role="region" aria-labelledby="kvkk-title" tabIndex={0}>
            <Text size="sm" c="gray.9" data-testid="privacy-notice">
              {cfg ? cfg.notice[currentLanguage()] : ''}
            </Text>
          </Box>
          <Checkbox mt="sm" label={t('portal.notice.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={problem('consent')} color={PORTAL_COLOR} ref={inputRef('consent')} />
        </Paper>
        {/* Beside the button, where the citizen is looking: what stops the form, each said at its field too. */}
        {tried && firstWith(FIELDS, own) && (
          <Alert color="red" variant="outline" title={t('portal.form.fixFields')} role="alert" styles={{ title: { color: 'var(--mantine-color-red-9)' } }} data-testid="form-problems">
            <List size="sm" c="gray.9">
              {FIELDS.filter((field) => own[field]).map((field) => (
                <List.Item key={field}>{own[field]}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <PortalError error={error} fields={[...FIELDS, 'latitude', 'longitude', 'noticeVersion']} />
        {proving && <Alert color="blue" data-testid="proof-of-work">{t('portal.provingWork')}</Alert>}
        <Button type="submit" loading={busy} disabled={!cfg} color={PORTAL_COLOR} size="md">
          {t('portal.form.send')}
        </Button>
        <Text size="sm">
          <Anchor {...linkProps('/portal/track')} c={PORTAL_COLOR}>
            {t('portal.nav.track')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
