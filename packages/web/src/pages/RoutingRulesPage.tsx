import { useState } from 'react';
import { Anchor, Button, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listCategories } from '../api/categories';
import { listDistricts, listNeighbourhoods } from '../api/places';
import { can } from '../api/roles';
import { listRoutingRules, type RoutingRule } from '../api/routingRules';
import { listUnits } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RoutingRuleFormModal } from '../components/RoutingRuleFormModal';
import { StatusBadge } from '../components/StatusBadge';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';
import { useUser } from '../hooks/useSession';

/** Rules that send a category's requests to a unit; admins edit, supervisors read. */
export default function RoutingRulesPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const user = useUser();
  const mayEdit = can(user.role, 'routing.manage');
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);

  const rules = useLoad(listRoutingRules, []);
  const categories = useLoad(listCategories, []);
  const districts = useLoad(listDistricts, []);
  const units = useLoad(listUnits, []);
  // Neighbourhood names only for the districts the rules name.
  const ruleDistricts = [...new Set((rules.data ?? []).filter((rule) => rule.neighbourhoodId !== null && rule.districtId !== null).map((rule) => rule.districtId!))].sort();
  const neighbourhoods = useLoad(
    () => Promise.all(ruleDistricts.map((id) => listNeighbourhoods(id))).then((lists) => lists.flat()),
    [ruleDistricts.join(',')],
  );

  const districtNames = new Map((districts.data ?? []).map((place) => [place.id, place.name]));
  const neighbourhoodNames = new Map((neighbourhoods.data ?? []).map((place) => [place.id, place.name]));
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, localName(unit)]));
  const shown = (names: Map<number, string>, id: number | null, none: string) => (id === null ? none : (names.get(id) ?? `#${id}`));
  const categoryById = new Map((categories.data ?? []).map((category) => [category.id, category]));
  const categoryName = (id: number) => {
    const category = categoryById.get(id);
    if (!category) return `#${id}`;
    const parent = category.parentId === null ? undefined : categoryById.get(category.parentId);
    return parent ? `${localName(parent)} › ${localName(category)}` : localName(category);
  };

  const saved = () => {
    notify({ message: t(editing === 'new' ? 'routing.created' : 'routing.updated') });
    setEditing(null);
    rules.reload();
  };

  return (
    <>
      <PageHeader title={t('routing.title')} action={mayEdit ? <Button onClick={() => setEditing('new')}>{t('routing.new')}</Button> : undefined} />
      <Text mb="xs" data-testid="routing-precedence">
        {t('routing.precedence')}
      </Text>
      {!mayEdit && (
        <Text c="dimmed" size="sm" mb="md">
          {t('routing.readOnly')}
        </Text>
      )}
      <ErrorAlert error={rules.error ?? categories.error ?? districts.error ?? units.error ?? neighbourhoods.error} />
      {rules.loading && !rules.data && <Loader aria-label={t('common.loading')} />}

      {rules.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('routing.category')}</Table.Th>
                <Table.Th>{t('routing.district')}</Table.Th>
                <Table.Th>{t('routing.neighbourhood')}</Table.Th>
                <Table.Th>{t('routing.unit')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((rule) => (
                <Table.Tr key={rule.id} onClick={mayEdit ? () => setEditing(rule) : undefined} style={mayEdit ? { cursor: 'pointer' } : undefined}>
                  <Table.Td>
                    {mayEdit ? (
                      <Anchor component="button" type="button" ta="left" c="inherit" fw={500}>
                        {categoryName(rule.categoryId)}
                      </Anchor>
                    ) : (
                      categoryName(rule.categoryId)
                    )}
                  </Table.Td>
                  <Table.Td>{shown(districtNames, rule.districtId, t('routing.anyDistrict'))}</Table.Td>
                  <Table.Td>{shown(neighbourhoodNames, rule.neighbourhoodId, t('routing.anyNeighbourhood'))}</Table.Td>
                  <Table.Td>{shown(unitNames, rule.unitId, t('common.none'))}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={rule.active} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rules.data.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('routing.empty')}
            </Text>
          )}
        </Table.ScrollContainer>
      )}

      {editing && (
        <RoutingRuleFormModal
          rule={editing === 'new' ? null : editing}
          categories={categories.data ?? []}
          districts={districts.data ?? []}
          units={units.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </>
  );
}
