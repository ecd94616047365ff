/** Categories (topics) of requests: their request type, default unit, deadline and what Open311 publishes. */
import { Type, type Static } from 'typebox';
import { PUBLICATIONS } from '@cozum/domain';
import { Id, Items, Nullable, OneOf } from './common.js';


/** What Open311 publishes of the category's requests (see PUBLICATIONS in packages/domain). */
export const Publication = OneOf(PUBLICATIONS, {
  description: "none: not published; staff_text: service, place, status and staff's public replies; citizen_text: also the citizen's description (scrubbed), address, point and photo",
});
export type Publication = Static<typeof Publication>;

/** Registered once by the server (`$id` Category): the routes answer with a reference to it. */
export const Category = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    nameTr: Type.String(),
    nameEn: Type.String(),
    parentId: Nullable(Type.Integer()),
    requestType: Type.String(),
    defaultUnitId: Nullable(Type.Integer()),
    slaHours: Type.Integer(),
    slaBusinessHours: Type.Boolean(),
    publication: Publication,
    /** Everyday words for the topic ("lamba" for street lighting) the pickers match like the name. */
    synonyms: Type.Array(Type.String()),
    active: Type.Boolean(),
  },
  { $id: 'Category' },
);
export type Category = Static<typeof Category>;
/** The registered Category schema by reference, typed as the category. */
export const CategoryRef = Type.Unsafe<Category>(Type.Ref('Category'));
export const Categories = Items(CategoryRef);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Synonyms = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'everyday words for the topic, e.g. "lamba" for street lighting; blanks and repeats are dropped' });
const fields = {
  nameTr: Name,
  nameEn: Name,
  parentId: Type.Optional(Nullable(Id)),
  requestType: Type.String({ minLength: 1, maxLength: 64 }),
  defaultUnitId: Type.Optional(Nullable(Id)),
  slaHours: Type.Integer({ minimum: 1, maximum: 8760 }),
  slaBusinessHours: Type.Boolean(),
  publication: Type.Optional(Publication),
  synonyms: Type.Optional(Synonyms),
};

export const CreateCategoryBody = Type.Object({ code: Type.String({ minLength: 2, maxLength: 64 }), ...fields }, { additionalProperties: false });
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Partial(Type.Object({ ...fields, parentId: Nullable(Id), defaultUnitId: Nullable(Id), publication: Publication, synonyms: Synonyms, active: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;
