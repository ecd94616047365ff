import { useState } from 'react';
import { Button, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '@cozum/domain';
import { alphabetical } from '../alphabetical';
import { listCategories, type Category } from '../api/categories';
import { listRequestTypes } from '../api/requestTypes';
import { listUnits } from '../api/units';
import { CategoryFormModal } from '../components/CategoryFormModal';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { TreeNameCell } from '../components/TreeNameCell';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';
import { flattenTree, withAncestors } from '../tree';

export default function CategoriesPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const categories = useLoad(listCategories, []);
  const units = useLoad(listUnits, []);
  const requestTypes = useLoad(listRequestTypes, []);

  const all = categories.data ?? [];
  const unitById = new Map((units.data ?? []).map((unit) => [unit.id, unit]));
  const typeByCode = new Map((requestTypes.data ?? []).map((type) => [type.code, type]));

  // Matches on either language and the everyday words, folded, so "cop" finds "Çöp"; parents of a match stay for context.
  const needle = foldForSearch(search.trim());
  const matches = new Set(all.filter((c) => !needle || [c.nameTr, c.nameEn, ...c.synonyms].some((text) => foldForSearch(text).includes(needle))).map((c) => c.id));
  const shown = withAncestors(all, matches);
  const rows = flattenTree(all, alphabetical(localName)).filter(({ item }) => shown.has(item.id));

  const saved = (category: Category) => {
    notify({ message: t(editing === 'new' ? 'categories.created' : 'categories.updated', { name: localName(category) }) });
    setEditing(null);
    categories.reload();
  };

  const sla = (category: Category) => t(category.slaBusinessHours ? 'categories.slaBusiness' : 'categories.slaCalendar', { hours: category.slaHours });

  return (
    <>
      <PageHeader title={t('categories.title')} action={<Button onClick={() => setEditing('new')}>{t('categories.new')}</Button>} />
      <Group mb="md">
        <TextInput type="search" label={t('categories.search')} placeholder={t('categories.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={320} />
      </Group>
      <ErrorAlert error={categories.error ?? units.error ?? requestTypes.error} />
      {categories.loading && !categories.data && <Loader aria-label={t('common.loading')} />}

      {categories.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('categories.name')}</Table.Th>
                <Table.Th>{t('categories.requestType')}</Table.Th>
                <Table.Th>{t('categories.defaultUnit')}</Table.Th>
                <Table.Th>{t('categories.sla')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ item: category, depth }) => {
                const type = typeByCode.get(category.requestType);
                const unit = category.defaultUnitId === null ? undefined : unitById.get(category.defaultUnitId);
                // Rows kept only as the parent of a match are dimmed.
                const dimmed = !category.active || !matches.has(category.id);
                return (
                  <Table.Tr key={category.id} onClick={() => setEditing(category)} style={{ cursor: 'pointer' }}>
                    <TreeNameCell depth={depth} dimmed={dimmed}>
                      {localName(category)}
                    </TreeNameCell>
                    <Table.Td>{type ? localName(type) : category.requestType}</Table.Td>
                    <Table.Td>{unit ? localName(unit) : t('common.none')}</Table.Td>
                    <Table.Td>{sla(category)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {rows.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {all.length === 0 ? t('categories.empty') : t('categories.noMatch')}
            </Text>
          )}
        </Table.ScrollContainer>
      )}

      {editing && (
        <CategoryFormModal
          category={editing === 'new' ? null : editing}
          categories={all}
          units={units.data ?? []}
          requestTypes={requestTypes.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </>
  );
}
