/** Reply templates unit staff pick when answering, and the messages citizens are sent per event, language and channel. */
import { Type, type Static } from 'typebox';
import { MESSAGE_CHANNELS, MESSAGE_KEYS } from '@cozum/domain';
import { Id, Items, Locale, Nullable, OneOf } from './common.js';

/** A ready answer ("Hazır yanıt") with {placeholders} filled from the request. */
export const ResponseTemplate = Type.Object({ id: Type.Integer(), categoryId: Nullable(Type.Integer()), name: Type.String(), bodyTr: Type.String(), bodyEn: Nullable(Type.String()), active: Type.Boolean() });
export type ResponseTemplate = Static<typeof ResponseTemplate>;
export const ResponseTemplates = Items(ResponseTemplate);

export const ResponseTemplatesQuery = Type.Object({ categoryId: Type.Optional(Id) }, { additionalProperties: false });
export type ResponseTemplatesQuery = Static<typeof ResponseTemplatesQuery>;

const Body = Type.String({ minLength: 1, maxLength: 5000 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateResponseTemplateBody = Type.Object({ categoryId: Type.Optional(Nullable(Id)), name: Name, bodyTr: Body, bodyEn: Type.Optional(Nullable(Body)) }, { additionalProperties: false });
export type CreateResponseTemplateBody = Static<typeof CreateResponseTemplateBody>;
export const UpdateResponseTemplateBody = Type.Object(
  { categoryId: Type.Optional(Nullable(Id)), name: Type.Optional(Name), bodyTr: Type.Optional(Body), bodyEn: Type.Optional(Nullable(Body)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateResponseTemplateBody = Static<typeof UpdateResponseTemplateBody>;

export const MessageKey = OneOf(MESSAGE_KEYS);
export type MessageKey = Static<typeof MessageKey>;
export const MessageChannel = OneOf(MESSAGE_CHANNELS);
export type MessageChannel = Static<typeof MessageChannel>;

/** A citizen message's text as an administrator writes it (saved, or only previewed). */
export const MessageTemplateBody = Type.Object({ key: MessageKey, locale: Locale, channel: MessageChannel, subject: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), body: Body }, { additionalProperties: false });
export type MessageTemplateBody = Static<typeof MessageTemplateBody>;

/** The text citizens get for one event, language and channel: the edited one or the default. */
export const MessageTemplate = Type.Object({ key: MessageKey, locale: Locale, channel: MessageChannel, subject: Nullable(Type.String()), body: Type.String(), edited: Type.Boolean(), placeholders: Type.Array(Type.String()) });
export type MessageTemplate = Static<typeof MessageTemplate>;
export const MessageTemplates = Items(MessageTemplate);

/** A message as the citizen would read it, filled with sample values. */
export const MessagePreview = Type.Object({ subject: Nullable(Type.String()), body: Type.String(), characters: Type.Integer() });
export type MessagePreview = Static<typeof MessagePreview>;
