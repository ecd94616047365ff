/** Staff accounts: the administrator's list, new accounts and changes to role, unit and password. */
import { Type, type Static } from 'typebox';
import { Id, Items, Locale, Nullable, Role } from './common.js';

/** Registered once by the server (`$id` User): the routes answer with a reference to it. */
export const User = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    email: Nullable(Type.String()),
    role: Role,
    unitId: Nullable(Type.Integer()),
    unitName: Nullable(Type.String()),
    locale: Locale,
    active: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);
export type User = Static<typeof User>;
/** The registered User schema by reference, typed as the user. */
export const UserRef = Type.Unsafe<User>(Type.Ref('User'));
export const Users = Items(UserRef);

export const UsersQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(Role), unitId: Type.Optional(Id) }, { additionalProperties: false });
export type UsersQuery = Static<typeof UsersQuery>;

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 10, maxLength: 200 });
const DisplayName = Type.String({ minLength: 1, maxLength: 200 });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64 }),
    displayName: DisplayName,
    email: Type.Optional(Nullable(Email)),
    password: Password,
    role: Role,
    unitId: Type.Optional(Nullable(Id)),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    email: Type.Optional(Nullable(Email)),
    role: Type.Optional(Role),
    unitId: Type.Optional(Nullable(Id)),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;
