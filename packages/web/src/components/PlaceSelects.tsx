import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listNeighbourhoods, type Place } from '../api/places';
import { idOptions } from '../alphabetical';
import { useLoad } from '../hooks/useLoad';
import { foldedFilter } from './foldedFilter';

const NO_PLACES: Place[] = [];

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
      <Select<number>
        label={props.districtLabel}
        placeholder={props.districtPlaceholder}
        data={options(props.districts)}
        value={districtId}
        onChange={(id) => {
          props.onDistrict(id);
          props.onNeighbourhood(null);
        }}
        error={props.errors?.districtId}
        filter={foldedFilter<number>()}
        searchable
        selectFirstOptionOnChange
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={props.w}
      />
      <Select<number>
        label={props.neighbourhoodLabel}
        placeholder={districtId === null ? t('newRequest.neighbourhoodFirst') : props.neighbourhoodPlaceholder}
        data={districtId === null ? [] : options(neighbourhoods.data ?? NO_PLACES)}
        value={props.neighbourhoodId}
        onChange={props.onNeighbourhood}
        error={props.errors?.neighbourhoodId ?? (neighbourhoods.error ? neighbourhoods.error.message : undefined)}
        disabled={districtId === null}
        filter={foldedFilter<number>()}
        searchable
        selectFirstOptionOnChange
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        limit={100}
        w={props.w}
      />
    </>
  );
}
