import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Anchor, Box, Button, Checkbox, FileInput, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { portalApi, type PortalCategory } from '../../api/portal';
import { alphabetical } from '../../alphabetical';
import { foldedFilter } from '../../components/foldedFilter';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useLocalName } from '../../hooks/useLocalName';
import { currentLanguage } from '../../i18n';
import { errorText } from '../../i18n/server-errors';
import { linkProps } from '../../router';
import { CodeStep, PortalError } from './CodeStep';
import { DistrictMap } from './DistrictMap';

/** The fields whose server-side problems stand under their inputs (the district's takes the pin's too). */
const FIELDS_SHOWN = ['categoryId', 'description', 'districtId', 'latitude', 'neighbourhoodId', 'file', 'fullName', 'phone', 'email', 'consent'];

type Step = { kind: 'form' } | { kind: 'code'; submissionId: string; phone: string } | { kind: 'done'; trackingNo: string; photoProblems: string[] };

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
  const { run, busy, failure: error, fieldError } = useAction();
  // Past a few codes to this number the browser proves some work before the code is sent.
  const [proving, setProving] = useState(false);
  const neighbourhoods = useLoad(() => (districtId ? portalApi.neighbourhoods(Number(districtId)) : Promise.resolve({ items: [] })), [districtId]);

  const cfg = config.data;
  const photoProblem = (() => {
    if (!cfg) return null;
    if (photos.length > cfg.maxPhotos) return t('portal.form.tooManyPhotos', { max: cfg.maxPhotos });
    const big = photos.find((f) => f.size > cfg.maxPhotoBytes);
    if (big) return t('portal.form.photoTooLarge', { name: big.name, size: (big.size / 1048576).toFixed(1), max: cfg.maxPhotoBytes / 1048576 });
    const wrong = photos.find((f) => !cfg.photoTypes.includes(f.type));
    if (wrong) return t('portal.form.photoWrongType', { name: wrong.name });
    return null;
  })();

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
    if (photoProblem || !cfg) return;
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
      }, setProving);
      setStep({ kind: 'code', submissionId: started.submissionId, phone: started.phone });
    });
  }

  async function confirm(submissionId: string, code: string) {
    const { trackingNo } = await portalApi.confirmSubmission(submissionId, code);
    // The confirmation opened a citizen session: the photos go to the new request with it.
    const problems: string[] = [];
    for (const photo of photos) {
      try {
        await portalApi.addPhoto(trackingNo, photo);
      } catch (failure) {
        problems.push(`${photo.name}: ${errorText(failure)}`);
      }
    }
    setStep({ kind: 'done', trackingNo, photoProblems: problems });
  }

  if (step.kind === 'code') {
    return (
      <Stack>
        <Title order={1}>{t('portal.code.title')}</Title>
        <CodeStep phone={step.phone} length={cfg?.codeLength ?? 6} onSubmit={(code) => confirm(step.submissionId, code)} />
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
        {step.photoProblems.length > 0 && (
          <Alert color="red" variant="outline" title={t('portal.errors.refused')} role="alert">
            {step.photoProblems.map((problem) => (
              <Text key={problem} c="gray.9" size="sm">
                {problem}
              </Text>
            ))}
          </Alert>
        )}
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
          error={fieldError('categoryId')}
        />
        <Textarea label={t('portal.form.description')} description={t('portal.form.descriptionHint')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={4} maxLength={5000} required error={fieldError('description')} />
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
          error={fieldError('districtId') ?? fieldError('latitude')}
        />
        <Select
          label={t('portal.form.neighbourhood')}
          data={(neighbourhoods.data?.items ?? []).map((n) => ({ value: String(n.id), label: n.name }))}
          value={neighbourhoodId}
          onChange={setNeighbourhoodId}
          searchable
          filter={foldedFilter()}
          disabled={!districtId}
          error={fieldError('neighbourhoodId')}
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
        <Text size="sm" c="gray.8">{pin ? t('portal.map.pinned', { lat: pin.latitude.toFixed(5), lon: pin.longitude.toFixed(5) }) : t('portal.map.hint')}</Text>
        <TextInput label={t('portal.form.address')} description={t('portal.form.addressHint')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} maxLength={500} />
        <FileInput
          label={t('portal.form.photos')}
          description={cfg ? t('portal.form.photosHint', { max: cfg.maxPhotos, size: cfg.maxPhotoBytes / 1048576 }) : undefined}
          multiple
          clearable
          accept="image/jpeg,image/png,image/webp"
          value={photos}
          onChange={setPhotos}
          error={photoProblem ?? fieldError('file')}
        />
        <TextInput label={t('portal.form.fullName')} description={t('portal.form.fullNameHint')} autoComplete="name" value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={fieldError('fullName')} />
        <TextInput label={t('portal.form.phone')} description={t('portal.form.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} required error={fieldError('phone')} />
        <TextInput label={t('portal.form.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
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
          <Checkbox mt="sm" label={t('portal.notice.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={fieldError('consent')} color={PORTAL_COLOR} />
        </Paper>
        <PortalError error={error} fields={FIELDS_SHOWN} />
        {proving && <Alert color="blue" data-testid="proof-of-work">{t('portal.provingWork')}</Alert>}
        <Button type="submit" loading={busy} color={PORTAL_COLOR} size="md">
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
