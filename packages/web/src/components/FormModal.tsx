import type { ReactNode } from 'react';
import { Modal, Stack } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';
import { FormButtons } from './FormButtons';

/** A modal that is one form: its fields, the failure of the last save, Cancel and Save. */
export function FormModal(props: {
  title: string;
  size?: string;
  form: { busy: boolean; failure: Error | null; fields?: readonly string[] };
  onClose: () => void;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void props.onSubmit();
        }}
      >
        <Stack>
          {props.children}
          <ErrorAlert error={props.form.failure} fields={props.form.fields} />
          <FormButtons busy={props.form.busy} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
