import { useState } from 'react';
import { Anchor, Button, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/roles';
import { listUnits } from '../api/units';
import { listUsers, type User } from '../api/users';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { UserFormModal } from '../components/UserFormModal';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';

const SEARCH_DELAY_MS = 300;

export default function UsersPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [role, setRole] = useState<Role | null>(null);
  // `null`: no form open; 'new': creating; a User: editing that user.
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const users = useLoad(() => listUsers({ q: query || undefined, role: role ?? undefined }), [query, role]);
  const units = useLoad(listUnits, []);
  const unitById = new Map((units.data ?? []).map((unit) => [unit.id, unit]));

  const unitLabel = (user: User): string => {
    const unit = user.unitId === null ? undefined : unitById.get(user.unitId);
    return unit ? localName(unit) : (user.unitName ?? t('common.none'));
  };

  const saved = (user: User) => {
    notify({ message: t(editing === 'new' ? 'users.created' : 'users.updated', { username: user.username }) });
    setEditing(null);
    users.reload();
  };

  return (
    <>
      <PageHeader title={t('users.title')} action={<Button onClick={() => setEditing('new')}>{t('users.new')}</Button>} />
      <Group align="flex-end" mb="md">
        <TextInput type="search" label={t('users.search')} placeholder={t('users.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={280} />
        <Select<Role>
          label={t('users.roleFilter')}
          placeholder={t('users.allRoles')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={setRole}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={220}
        />
        {users.loading && <Loader size="sm" mb={8} aria-label={t('common.loading')} />}
      </Group>

      <ErrorAlert error={users.error ?? units.error} />

      {users.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id} onClick={() => setEditing(user)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    {/* The row is clickable; this button makes it reachable by keyboard too. */}
                    <Anchor component="button" type="button" ta="left" c="inherit" fw={500}>
                      {user.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                  <Table.Td>{unitLabel(user)}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={user.active} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {users.data.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('users.empty')}
            </Text>
          )}
        </Table.ScrollContainer>
      )}

      {editing && <UserFormModal user={editing === 'new' ? null : editing} units={units.data ?? []} onClose={() => setEditing(null)} onSaved={saved} />}
    </>
  );
}
