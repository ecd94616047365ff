import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createUnit, updateUnit, type Unit } from '../api/units';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLocalName } from '../hooks/useLocalName';
import { subtreeIds } from '../tree';
import { CodeAndNameFields, codeAndNameErrors } from './CodeAndNameFields';
import { FormModal } from './FormModal';
import { ParentSelect, treeRows } from './ParentSelect';

interface Values {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  active: boolean;
}

/** Creates a unit (`unit` null) or edits one. A unit cannot be put under itself or its own children. */
export function UnitFormModal({ unit, units, onClose, onSaved }: { unit: Unit | null; units: Unit[]; onClose: () => void; onSaved: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = useForm<Values>({
    code: unit?.code ?? '',
    nameTr: unit?.nameTr ?? '',
    nameEn: unit?.nameEn ?? '',
    parentId: unit?.parentId ?? null,
    active: unit?.active ?? true,
  });
  const { values, errors } = form;

  const validate = (v: Values): FieldErrors<Values> => codeAndNameErrors(v, !unit, t);

  const save = async (v: Values) => {
    const names = { nameTr: v.nameTr.trim(), nameEn: v.nameEn.trim(), parentId: v.parentId };
    onSaved(unit ? await updateUnit(unit.id, { ...names, active: v.active }) : await createUnit({ ...names, code: v.code.trim() }));
  };

  const parentOptions = treeRows(units, localName, unit ? subtreeIds(units, unit.id) : undefined);

  return (
    <FormModal title={unit ? t('units.editTitle', { name: localName(unit) }) : t('units.createTitle')} size="lg" form={form} onClose={onClose} onSubmit={() => form.submit(validate, save)}>
      <CodeAndNameFields of="units" isNew={!unit} form={form} />
      <ParentSelect label={t('units.parent')} placeholder={t('units.noParent')} rows={parentOptions} value={values.parentId} onChange={(parentId) => form.set('parentId', parentId)} error={errors.parentId} />
      {unit && <Switch label={t('units.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />}
    </FormModal>
  );
}
