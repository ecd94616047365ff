import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { useAction } from '../../hooks/useAction';
import { currentLanguage } from '../../i18n';
import { CodeStep, PortalError } from './CodeStep';

/** Phone (and tracking number) → code by SMS → a citizen session. */
export function PhoneSignIn({ trackingNo: givenTrackingNo, askTrackingNo, onSignedIn }: { trackingNo?: string; askTrackingNo?: boolean; onSignedIn: (trackingNo: string | null) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [trackingNo, setTrackingNo] = useState(givenTrackingNo ?? '');
  const [sent, setSent] = useState<{ challengeId: string; phone: string } | null>(null);
  const { run, busy, failure: error, fieldError } = useAction();
  const [proving, setProving] = useState(false);

  async function ask(event: FormEvent) {
    event.preventDefault();
    await run(async () => setSent(await portalApi.signIn(phone, trackingNo.trim() || null, currentLanguage(), setProving)));
  }

  if (sent) {
    return (
      <CodeStep
        phone={sent.phone}
        length={6}
        ifKnown
        onSubmit={async (code) => {
          const result = await portalApi.confirmSignIn(sent.challengeId, code);
          onSignedIn(result.trackingNo);
        }}
      />
    );
  }
  return (
    <form onSubmit={(e) => void ask(e)} noValidate>
      <Stack gap="sm">
        {askTrackingNo && <TextInput label={t('portal.track.trackingNo')} description={t('portal.track.trackingNoHint')} value={trackingNo} onChange={(e) => setTrackingNo(e.currentTarget.value)} required error={fieldError('trackingNo')} />}
        <TextInput label={t('portal.form.phone')} description={t('portal.form.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} required error={fieldError('phone')} />
        <PortalError error={error} fields={['phone', 'trackingNo']} />
        {proving && <Alert color="blue" data-testid="proof-of-work">{t('portal.provingWork')}</Alert>}
        <Button type="submit" loading={busy} color={PORTAL_COLOR}>
          {t('portal.code.send')}
        </Button>
      </Stack>
    </form>
  );
}
