import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionInput, RequestAction } from '../../api/requests';
import type { Unit } from '../../api/units';
import type { Assignee } from '../../api/unitWork';
import { idOptions } from '../../alphabetical';
import { useForm, type FieldErrors } from '../../hooks/useForm';
import { useLocalName } from '../../hooks/useLocalName';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';
import { counted } from '../../components/CharacterCount';

/** The actions that need more than a click, and what each asks for. */
export const FORM_ACTIONS = ['assign', 'hold', 'transfer', 'refer', 'mark_duplicate', 'reject', 'reopen', 'extend'] as const satisfies readonly RequestAction[];
export type FormAction = (typeof FORM_ACTIONS)[number];

interface Values {
  reason: string;
  assigneeId: number | null;
  unitId: number | null;
  institution: string;
  parentTrackingNo: string;
}

/** A small form for one action: its reason and, as the action needs, a person, unit, institution or parent. */
export function ActionModal(props: {
  action: FormAction;
  units: Unit[];
  currentUnitId: number;
  assignees: Assignee[];
  onClose: () => void;
  onSubmit: (input: ActionInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { action } = props;
  const form = useForm<Values>({ reason: '', assigneeId: null, unitId: null, institution: '', parentTrackingNo: '' });
  const { values, errors } = form;
  const needsReason = action !== 'assign';

  const validate = (v: Values): FieldErrors<Values> => {
    const required = t('validation.required');
    return {
      reason: needsReason && !v.reason.trim() ? required : undefined,
      assigneeId: action === 'assign' && v.assigneeId === null ? required : undefined,
      unitId: action === 'transfer' && v.unitId === null ? required : undefined,
      institution: action === 'refer' && !v.institution.trim() ? required : undefined,
      parentTrackingNo: action === 'mark_duplicate' && !v.parentTrackingNo.trim() ? required : undefined,
    };
  };

  const save = async (v: Values) => {
    await props.onSubmit({
      action,
      reason: needsReason ? v.reason.trim() : undefined,
      assigneeId: action === 'assign' ? v.assigneeId! : undefined,
      unitId: action === 'transfer' ? v.unitId! : undefined,
      institution: action === 'refer' ? v.institution.trim() : undefined,
      parentTrackingNo: action === 'mark_duplicate' ? v.parentTrackingNo.trim() : undefined,
    });
  };

  const units = idOptions(
    props.units.filter((unit) => unit.active && unit.id !== props.currentUnitId),
    localName,
  );

  return (
    <FormModal title={t(`action.${action}`)} form={form} onClose={props.onClose} onSubmit={() => form.submit(validate, save)}>
      {action === 'assign' && (
        <SearchSelect label={t('detail.assigneePick')} required data-autofocus data={props.assignees.map((user) => ({ value: user.id, label: user.displayName }))} value={values.assigneeId} onChange={(id) => form.set('assigneeId', id)} error={errors.assigneeId} />
      )}
      {action === 'transfer' && (
        <SearchSelect label={t('detail.unitTarget')} required data-autofocus data={units} value={values.unitId} onChange={(id) => form.set('unitId', id)} error={errors.unitId} />
      )}
      {action === 'refer' && (
        <TextInput label={t('detail.institution')} required data-autofocus maxLength={200} value={values.institution} onChange={(event) => form.set('institution', event.currentTarget.value)} error={errors.institution} />
      )}
      {action === 'mark_duplicate' && (
        <TextInput label={t('detail.parentTrackingNo')} required data-autofocus maxLength={20} value={values.parentTrackingNo} onChange={(event) => form.set('parentTrackingNo', event.currentTarget.value)} error={errors.parentTrackingNo} />
      )}
      {needsReason && (
        <Textarea
          label={t('detail.reason')}
          required
          data-autofocus={['hold', 'reject', 'reopen', 'extend'].includes(action) ? true : undefined}
          autosize
          minRows={3}
          {...counted(values.reason, 2000)}
          value={values.reason}
          onChange={(event) => form.set('reason', event.currentTarget.value)}
          error={errors.reason}
        />
      )}
    </FormModal>
  );
}
