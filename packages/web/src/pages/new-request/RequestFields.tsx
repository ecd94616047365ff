import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../api/categories';
import type { Place } from '../../api/places';
import { CHANNELS, type Channel } from '../../api/requests';
import type { RequestType } from '../../api/requestTypes';
import { CategorySelect } from '../../components/CategorySelect';
import { PlaceSelects, placeFields } from '../../components/PlaceSelects';
import { useLocalName } from '../../hooks/useLocalName';
import type { IntakeForm } from './intake';
import { counted } from '../../components/CharacterCount';

/** What the request is about and where: topic, type, channel, the caller's words, the place. */
export function RequestFields(props: { form: IntakeForm; categories: Category[] | undefined; requestTypes: RequestType[] | undefined; districts: Place[] | undefined; onSubmit: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { form } = props;
  const { values, errors } = form;

  // A category brings its usual request type; the agent may still change it.
  const chooseCategory = (id: number | null) => {
    form.set('categoryId', id);
    const category = props.categories?.find((c) => c.id === id);
    if (category) form.set('requestType', category.requestType);
  };

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CategorySelect
          label={t('newRequest.category')}
          placeholder={t('newRequest.categoryPlaceholder')}
          categories={props.categories ?? []}
          value={values.categoryId}
          onChange={chooseCategory}
          error={errors.categoryId}
          leavesOnly
          required
          autoFocus
        />
        <Select
          label={t('newRequest.requestType')}
          data={(props.requestTypes ?? []).map((type) => ({ value: type.code, label: localName(type) }))}
          value={values.requestType}
          onChange={(type) => form.set('requestType', type)}
          error={errors.requestType}
          allowDeselect={false}
        />
        <Select<Channel>
          label={t('newRequest.channel')}
          data={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          value={values.channel}
          onChange={(channel) => channel && form.set('channel', channel)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea
        label={t('newRequest.description')}
        required
        autosize
        minRows={4}
        {...counted(values.description, 5000)}
        value={values.description}
        onChange={(event) => form.set('description', event.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', props.onSubmit]])}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <PlaceSelects districts={props.districts ?? []} {...placeFields(form)} districtLabel={t('newRequest.district')} neighbourhoodLabel={t('newRequest.neighbourhood')} />
        <TextInput label={t('newRequest.address')} {...counted(values.address, 500)} value={values.address} onChange={(event) => form.set('address', event.currentTarget.value)} error={errors.address} />
      </SimpleGrid>
    </>
  );
}
