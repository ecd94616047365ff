import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/categories';
import type { Place } from '../api/places';
import { createRoutingRule, updateRoutingRule, type RoutingRule } from '../api/routingRules';
import type { Unit } from '../api/units';
import { idOptions } from '../alphabetical';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLocalName } from '../hooks/useLocalName';
import { CategorySelect } from './CategorySelect';
import { FormModal } from './FormModal';
import { PlaceSelects, placeFields } from './PlaceSelects';
import { SearchSelect } from './SearchSelect';

interface Values {
  categoryId: number | null;
  districtId: number | null;
  neighbourhoodId: number | null;
  unitId: number | null;
  active: boolean;
}

interface Props {
  rule: RoutingRule | null;
  categories: Category[];
  districts: Place[];
  units: Unit[];
  onClose: () => void;
  onSaved: (rule: RoutingRule) => void;
}

/** Creates a routing rule (`rule` null) or edits one: category, optional place, target unit. */
export function RoutingRuleFormModal({ rule, categories, districts, units, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = useForm<Values>({
    categoryId: rule?.categoryId ?? null,
    districtId: rule?.districtId ?? null,
    neighbourhoodId: rule?.neighbourhoodId ?? null,
    unitId: rule?.unitId ?? null,
    active: rule?.active ?? true,
  });
  const { values, errors } = form;

  const validate = (v: Values): FieldErrors<Values> => ({
    categoryId: v.categoryId === null ? t('validation.required') : undefined,
    unitId: v.unitId === null ? t('validation.required') : undefined,
  });

  const save = async (v: Values) => {
    const fields = { categoryId: v.categoryId!, districtId: v.districtId, neighbourhoodId: v.neighbourhoodId, unitId: v.unitId! };
    onSaved(rule ? await updateRoutingRule(rule.id, { ...fields, active: v.active }) : await createRoutingRule(fields));
  };

  const unitOptions = idOptions(
    units.filter((unit) => unit.active || unit.id === rule?.unitId),
    localName,
  );

  return (
    <FormModal title={rule ? t('routing.editTitle') : t('routing.createTitle')} size="lg" form={form} onClose={onClose} onSubmit={() => form.submit(validate, save)}>
      <CategorySelect label={t('routing.category')} categories={categories} value={values.categoryId} onChange={(id) => form.set('categoryId', id)} error={errors.categoryId} required />
      <PlaceSelects
        districts={districts}
        {...placeFields(form)}
        districtLabel={t('routing.district')}
        neighbourhoodLabel={t('routing.neighbourhood')}
        districtPlaceholder={t('routing.anyDistrict')}
        neighbourhoodPlaceholder={t('routing.anyNeighbourhood')}
      />
      <SearchSelect label={t('routing.unit')} required data={unitOptions} value={values.unitId} onChange={(id) => form.set('unitId', id)} error={errors.unitId} />
      {rule && <Switch label={t('routing.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />}
    </FormModal>
  );
}
