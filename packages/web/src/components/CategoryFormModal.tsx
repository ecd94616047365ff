import { NumberInput, Select, Switch, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PUBLICATIONS, createCategory, updateCategory, type Category, type Publication } from '../api/categories';
import type { RequestType } from '../api/requestTypes';
import type { Unit } from '../api/units';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLocalName } from '../hooks/useLocalName';
import { subtreeIds } from '../tree';
import { CodeAndNameFields, codeAndNameErrors } from './CodeAndNameFields';
import { FormModal } from './FormModal';
import { ParentSelect, treeRows } from './ParentSelect';

/** The server's limits: one year; fifty everyday words. */
const MAX_SLA_HOURS = 8760;
const MAX_SYNONYMS = 50;
const MAX_SYNONYM_LENGTH = 100;

interface Values {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  requestType: string | null;
  defaultUnitId: number | null;
  slaHours: number | string;
  slaBusinessHours: boolean;
  publication: Publication;
  synonyms: string[];
  active: boolean;
}

const PUBLICATION_LABELS = { none: 'categories.publicationNone', staff_text: 'categories.publicationStaffText', citizen_text: 'categories.publicationCitizenText' } as const;

interface Props {
  category: Category | null;
  categories: Category[];
  units: Unit[];
  requestTypes: RequestType[];
  onClose: () => void;
  onSaved: (category: Category) => void;
}

/** Creates a category (`category` null) or edits one: names, everyday words, place in the tree, request type, default unit, SLA, what Open311 publishes. */
export function CategoryFormModal({ category, categories, units, requestTypes, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = useForm<Values>({
    code: category?.code ?? '',
    nameTr: category?.nameTr ?? '',
    nameEn: category?.nameEn ?? '',
    parentId: category?.parentId ?? null,
    requestType: category?.requestType ?? null,
    defaultUnitId: category?.defaultUnitId ?? null,
    slaHours: category?.slaHours ?? 72,
    slaBusinessHours: category?.slaBusinessHours ?? false,
    // KVKK: a new topic is unpublished until an administrator decides otherwise.
    publication: category?.publication ?? 'none',
    synonyms: category?.synonyms ?? [],
    active: category?.active ?? true,
  });
  const { values, errors } = form;

  const validate = (v: Values): FieldErrors<Values> => {
    const hours = Number(v.slaHours);
    return {
      ...codeAndNameErrors(v, !category, t),
      requestType: v.requestType ? undefined : t('validation.required'),
      synonyms: v.synonyms.some((word) => word.trim().length > MAX_SYNONYM_LENGTH) ? t('validation.wordTooLong', { max: MAX_SYNONYM_LENGTH }) : undefined,
      slaHours: v.slaHours !== '' && Number.isInteger(hours) && hours >= 1 && hours <= MAX_SLA_HOURS ? undefined : t('validation.hoursRange', { max: MAX_SLA_HOURS }),
    };
  };

  const save = async (v: Values) => {
    const fields = {
      nameTr: v.nameTr.trim(),
      nameEn: v.nameEn.trim(),
      parentId: v.parentId,
      requestType: v.requestType!,
      defaultUnitId: v.defaultUnitId,
      slaHours: Number(v.slaHours),
      slaBusinessHours: v.slaBusinessHours,
      publication: v.publication,
      synonyms: v.synonyms,
    };
    onSaved(category ? await updateCategory(category.id, { ...fields, active: v.active }) : await createCategory({ ...fields, code: v.code.trim() }));
  };

  const parentRows = treeRows(categories, localName, category ? subtreeIds(categories, category.id) : undefined);
  const unitRows = treeRows(
    units.filter((unit) => unit.active || unit.id === category?.defaultUnitId),
    localName,
  );

  return (
    <FormModal title={category ? t('categories.editTitle', { name: localName(category) }) : t('categories.createTitle')} size="lg" form={form} onClose={onClose} onSubmit={() => form.submit(validate, save)}>
      <CodeAndNameFields of="categories" isNew={!category} form={form} />
      <TagsInput
        label={t('categories.synonyms')}
        description={t('categories.synonymsHint')}
        value={values.synonyms}
        onChange={(synonyms) => form.set('synonyms', synonyms)}
        maxTags={MAX_SYNONYMS}
        splitChars={[',', ';']}
        clearable
        error={errors.synonyms}
      />
      <ParentSelect label={t('categories.parent')} placeholder={t('categories.noParent')} rows={parentRows} value={values.parentId} onChange={(parentId) => form.set('parentId', parentId)} error={errors.parentId} />
      <Select
        label={t('categories.requestType')}
        required
        data={requestTypes.map((type) => ({ value: type.code, label: localName(type) }))}
        value={values.requestType}
        onChange={(requestType) => form.set('requestType', requestType)}
        error={errors.requestType}
        allowDeselect={false}
      />
      <ParentSelect label={t('categories.defaultUnit')} placeholder={t('common.none')} rows={unitRows} value={values.defaultUnitId} onChange={(unitId) => form.set('defaultUnitId', unitId)} error={errors.defaultUnitId} />
      <NumberInput
        label={t('categories.slaHours')}
        required
        min={1}
        max={MAX_SLA_HOURS}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        value={values.slaHours}
        onChange={(hours) => form.set('slaHours', hours)}
        error={errors.slaHours}
      />
      <Switch label={t('categories.slaBusinessHours')} checked={values.slaBusinessHours} onChange={(event) => form.set('slaBusinessHours', event.currentTarget.checked)} />
      <Select
        label={t('categories.publication')}
        description={t('categories.publicationHint')}
        data={PUBLICATIONS.map((value) => ({ value, label: t(PUBLICATION_LABELS[value]) }))}
        value={values.publication}
        onChange={(publication) => form.set('publication', (publication ?? 'none') as Publication)}
        allowDeselect={false}
      />
      {category && <Switch label={t('categories.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />}
    </FormModal>
  );
}
