import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and Save at the foot of a modal form. */
export function FormButtons({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** Cancel and Save at the foot of a modal that is not a form: Save runs `onSave`. */
export function ModalButtons({ onCancel, onSave, busy, saveLabel }: { onCancel: () => void; onSave: () => Promise<void>; busy?: boolean; saveLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button onClick={() => void onSave()} loading={busy}>
        {saveLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
