import { useState, type RefObject } from 'react';
import { Button, Group, Kbd, Paper, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** No call in hand: the agent may take one by typing the caller's number (telephony pushes the rest). */
export function TakeCall({ inputRef, busy, onTake }: { inputRef: RefObject<HTMLInputElement | null>; busy: boolean; onTake: (number: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('console.waitingForCall')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('console.waitingHint')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (number.replace(/\D/g, '').length < 7) {
            setError(t('console.numberInvalid'));
            return;
          }
          onTake(number);
          setNumber('');
        }}
      >
        <Group align="flex-end">
          <TextInput
            ref={inputRef}
            label={t('console.callerNumber')}
            description={<>{t('console.keyHint')} <Kbd>Alt+N</Kbd></>}
            type="tel"
            autoComplete="off"
            value={number}
            onChange={(event) => {
              setNumber(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            style={{ flex: 1 }}
            autoFocus
          />
          <Button type="submit" loading={busy}>
            {t('console.take')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
