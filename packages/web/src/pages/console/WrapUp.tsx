import { useState } from 'react';
import { Button, Group, Kbd, Paper, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_OUTCOMES, type ContactOutcome } from '../../api/live';

/** Outcomes closed from the wrap-up form; information given and request created have their own buttons. */
const WRAP_UP_OUTCOMES = CONTACT_OUTCOMES.filter((o) => o !== 'information_given' && o !== 'request_created');

/** Ending the call otherwise: open the request form, or close with an outcome and notes. */
export function WrapUp({ busy, onClose, onRequest }: { busy: boolean; onClose: (outcome: ContactOutcome, notes: string) => void; onRequest: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ContactOutcome | null>(null);
  const [notes, setNotes] = useState('');
  return (
    <Paper withBorder p="md" radius="md">
      <Group mb="sm">
        <Button variant="light" onClick={onRequest}>
          {t('console.openRequest')} <Kbd ml="xs">Alt+R</Kbd>
        </Button>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (outcome) onClose(outcome, notes);
        }}
      >
        <Stack gap="xs">
          <Select<ContactOutcome>
            label={t('console.wrapUpOutcome')}
            placeholder={t('console.wrapUpPlaceholder')}
            data={WRAP_UP_OUTCOMES.map((o) => ({ value: o, label: t(`console.outcome.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
          />
          <Textarea label={t('console.notes')} autosize minRows={2} maxLength={5000} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} />
          <Group>
            <Button type="submit" variant="default" disabled={!outcome} loading={busy}>
              {t('console.closeWithOutcome')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
