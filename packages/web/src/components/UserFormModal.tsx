import { PasswordInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUnitScoped, ROLES, type Role } from '../api/roles';
import type { Unit } from '../api/units';
import { createUser, updateUser, type User } from '../api/users';
import { idOptions } from '../alphabetical';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLocalName } from '../hooks/useLocalName';
import { FormModal } from './FormModal';
import { SearchSelect } from './SearchSelect';

const MIN_PASSWORD = 10;
// A plausibility check only; the server has the final word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Values {
  username: string;
  displayName: string;
  email: string;
  password: string;
  role: Role | null;
  unitId: number | null;
  active: boolean;
}

/** Creates a user (`user` null) or edits one; unit heads and unit staff must have a unit. */
export function UserFormModal({ user, units, onClose, onSaved }: { user: User | null; units: Unit[]; onClose: () => void; onSaved: (user: User) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = useForm<Values>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    password: '',
    role: user?.role ?? null,
    unitId: user?.unitId ?? null,
    active: user?.active ?? true,
  });
  const { values, errors } = form;

  const validate = (v: Values): FieldErrors<Values> => ({
    username: user || v.username.trim().length >= 3 ? undefined : v.username.trim() ? t('validation.minLength', { min: 3 }) : t('validation.required'),
    displayName: v.displayName.trim() ? undefined : t('validation.required'),
    email: !v.email.trim() || EMAIL.test(v.email.trim()) ? undefined : t('validation.email'),
    password: (user && !v.password) || v.password.length >= MIN_PASSWORD ? undefined : t('validation.minLength', { min: MIN_PASSWORD }),
    role: v.role ? undefined : t('validation.required'),
    unitId: v.role && isUnitScoped(v.role) && v.unitId === null ? t('validation.unitRequired') : undefined,
  });

  const save = async (v: Values) => {
    const role = v.role!;
    const common = { displayName: v.displayName.trim(), email: v.email.trim() || null, role, unitId: v.unitId };
    const saved = user
      ? await updateUser(user.id, { ...common, active: v.active, ...(v.password ? { password: v.password } : {}) })
      : await createUser({ ...common, username: v.username.trim(), password: v.password });
    onSaved(saved);
  };

  // Inactive units are offered only to a user already in one.
  const unitOptions = idOptions(
    units.filter((unit) => unit.active || unit.id === user?.unitId),
    localName,
  );
  const unitRequired = values.role !== null && isUnitScoped(values.role);

  return (
    <FormModal title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')} size="lg" form={form} onClose={onClose} onSubmit={() => form.submit(validate, save)}>
      {!user && (
        <TextInput
          label={t('users.username')}
          autoComplete="off"
          required
          data-autofocus
          value={values.username}
          onChange={(event) => form.set('username', event.currentTarget.value)}
          error={errors.username}
        />
      )}
      <TextInput
        label={t('users.displayName')}
        required
        data-autofocus={user ? true : undefined}
        value={values.displayName}
        onChange={(event) => form.set('displayName', event.currentTarget.value)}
        error={errors.displayName}
      />
      <TextInput label={t('users.email')} type="email" value={values.email} onChange={(event) => form.set('email', event.currentTarget.value)} error={errors.email} />
      <Select<Role> label={t('users.role')} required data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} value={values.role} onChange={(role) => form.set('role', role)} error={errors.role} allowDeselect={false} />
      <SearchSelect
        label={t('users.unit')}
        required={unitRequired}
        data={unitOptions}
        value={values.unitId}
        onChange={(unitId) => form.set('unitId', unitId)}
        error={errors.unitId}
        clearable={!unitRequired}
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      {user && <Switch label={t('users.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />}
      <PasswordInput
        label={user ? t('users.newPassword') : t('users.password')}
        description={user ? t('users.newPasswordHint') : t('users.passwordHint')}
        autoComplete="new-password"
        required={!user}
        value={values.password}
        onChange={(event) => form.set('password', event.currentTarget.value)}
        error={errors.password}
        visibilityToggleButtonProps={{ 'aria-label': t('common.showHide') }}
      />
    </FormModal>
  );
}
