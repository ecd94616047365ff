import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { currentLanguage } from '../../i18n';
import { isMobile, isTrackingNo } from './checks';
import { CodeStep, PortalError } from './CodeStep';
import { SmsUnavailable } from './SmsNotice';

/** Phone (and tracking number) → code by SMS → a citizen session; where no SMS can go, says so instead. */
export function PhoneSignIn({ trackingNo: givenTrackingNo, askTrackingNo, onSignedIn }: { trackingNo?: string; askTrackingNo?: boolean; onSignedIn: (trackingNo: string | null) => void }) {
  const { t } = useTranslation();
  const config = useLoad(() => portalApi.config(), []);
  const [phone, setPhone] = useState('');
  const [trackingNo, setTrackingNo] = useState(givenTrackingNo ?? '');
  const [sent, setSent] = useState<{ challengeId: string; phone: string } | null>(null);
  const { run, busy, failure: error, fieldError } = useAction();
  const [proving, setProving] = useState(false);
  const sms = config.data?.sms;
  // Checked on the first try, then as the citizen corrects.
  const [tried, setTried] = useState(false);
  const trackingInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const problems = {
    trackingNo: tried && askTrackingNo && trackingNo.trim() && !isTrackingNo(trackingNo) ? t('portal.track.badTrackingNo') : fieldError('trackingNo'),
    phone: tried && !isMobile(phone) ? t('portal.form.needPhone') : fieldError('phone'),
  };

  async function ask(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (askTrackingNo && trackingNo.trim() && !isTrackingNo(trackingNo)) return trackingInput.current?.focus();
    if (!isMobile(phone)) return phoneInput.current?.focus();
    await run(async () => setSent(await portalApi.signIn(phone, trackingNo.trim() || null, currentLanguage(), setProving)));
  }

  if (sms === 'unavailable') return <SmsUnavailable />;
  if (sent) {
    return (
      <CodeStep
        phone={sent.phone}
        length={config.data?.codeLength ?? 6}
        ifKnown
        sms={sms}
        onAgain={() => setSent(null)}
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
        {askTrackingNo && <TextInput label={t('portal.track.trackingNo')} description={t('portal.track.trackingNoHint')} value={trackingNo} onChange={(e) => setTrackingNo(e.currentTarget.value)} required error={problems.trackingNo} ref={trackingInput} />}
        <TextInput label={t('portal.form.phone')} description={t('portal.form.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} required error={problems.phone} ref={phoneInput} />
        <PortalError error={error} fields={['phone', 'trackingNo']} />
        {proving && <Alert color="blue" data-testid="proof-of-work">{t('portal.provingWork')}</Alert>}
        <Button type="submit" loading={busy} color={PORTAL_COLOR}>
          {t('portal.code.send')}
        </Button>
      </Stack>
    </form>
  );
}
