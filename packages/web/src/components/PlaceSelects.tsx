import { useTranslation } from 'react-i18next';
import { listNeighbourhoods, type Place } from '../api/places';
import { idOptions } from '../alphabetical';
import { useLoad } from '../hooks/useLoad';
import { errorText } from '../i18n/server-errors';
import { SearchSelect } from './SearchSelect';

const NO_PLACES: Place[] = [];

interface PlaceIds {
  districtId: number | null;
  neighbourhoodId: number | null;
}

/** The two selects' values, changes and errors, bound to a form that holds `districtId` and `neighbourhoodId`. */
export const placeFields = (form: { values: PlaceIds; errors: Partial<Record<keyof PlaceIds, string>>; set: (field: keyof PlaceIds, id: number | null) => void }) => ({
  districtId: form.values.districtId,
  neighbourhoodId: form.values.neighbourhoodId,
  onDistrict: (id: number | null) => form.set('districtId', id),
  onNeighbourhood: (id: number | null) => form.set('neighbourhoodId', id),
  errors: { districtId: form.errors.districtId, neighbourhoodId: form.errors.neighbourhoodId },
});

/** District, then its neighbourhoods (loaded when a district is chosen); both searchable. */
export function PlaceSelects(props: {
  districts: readonly Place[];
  districtId: number | null;
  neighbourhoodId: number | null;
  onDistrict: (districtId: number | null) => void;
  onNeighbourhood: (neighbourhoodId: number | null) => void;
  districtLabel: string;
  neighbourhoodLabel: string;
  districtPlaceholder?: string;
  neighbourhoodPlaceholder?: string;
  errors?: { districtId?: string; neighbourhoodId?: string };
  w?: number;
}) {
  const { t } = useTranslation();
  const { districtId } = props;
  const neighbourhoods = useLoad(() => (districtId === null ? Promise.resolve(NO_PLACES) : listNeighbourhoods(districtId)), [districtId]);
  const options = (places: readonly Place[]) => idOptions(places, (place) => place.name);

  return (
    <>
      <SearchSelect
        label={props.districtLabel}
        placeholder={props.districtPlaceholder}
        data={options(props.districts)}
        value={districtId}
        onChange={(id) => {
          props.onDistrict(id);
          props.onNeighbourhood(null);
        }}
        error={props.errors?.districtId}
        selectFirstOptionOnChange
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={props.w}
      />
      <SearchSelect
        label={props.neighbourhoodLabel}
        placeholder={districtId === null ? t('newRequest.neighbourhoodFirst') : props.neighbourhoodPlaceholder}
        data={districtId === null ? [] : options(neighbourhoods.data ?? NO_PLACES)}
        value={props.neighbourhoodId}
        onChange={props.onNeighbourhood}
        error={props.errors?.neighbourhoodId ?? (neighbourhoods.error ? errorText(neighbourhoods.error) : undefined)}
        disabled={districtId === null}
        selectFirstOptionOnChange
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        limit={100}
        w={props.w}
      />
    </>
  );
}
