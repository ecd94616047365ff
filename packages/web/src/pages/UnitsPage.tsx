import { useState } from 'react';
import { Button, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { alphabetical } from '../alphabetical';
import { listUnits, type Unit } from '../api/units';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { TreeNameCell } from '../components/TreeNameCell';
import { UnitFormModal } from '../components/UnitFormModal';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';
import { flattenTree } from '../tree';

export default function UnitsPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const units = useLoad(listUnits, []);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const all = units.data ?? [];
  const rows = flattenTree(all, alphabetical(localName));

  const saved = (unit: Unit) => {
    notify({ message: t(editing === 'new' ? 'units.created' : 'units.updated', { name: localName(unit) }) });
    setEditing(null);
    units.reload();
  };

  return (
    <>
      <PageHeader title={t('units.title')} action={<Button onClick={() => setEditing('new')}>{t('units.new')}</Button>} />
      <ErrorAlert error={units.error} />
      {units.loading && !units.data && <Loader aria-label={t('common.loading')} />}

      {units.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.name')}</Table.Th>
                <Table.Th>{t('units.code')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ item: unit, depth }) => (
                <Table.Tr key={unit.id} onClick={() => setEditing(unit)} style={{ cursor: 'pointer' }}>
                  <TreeNameCell depth={depth} dimmed={!unit.active}>
                    {localName(unit)}
                  </TreeNameCell>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {unit.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge active={unit.active} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('units.empty')}
            </Text>
          )}
        </Table.ScrollContainer>
      )}

      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} units={all} onClose={() => setEditing(null)} onSaved={saved} />}
    </>
  );
}
