/** The city's places (districts and their neighbourhoods) and the request types with their legal clocks. */
import { Type, type Static } from 'typebox';
import { Items, Nullable } from './common.js';

/** A district (ilçe) or a neighbourhood (mahalle) of the city. */
export const Place = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), population: Nullable(Type.Integer()) });
export type Place = Static<typeof Place>;
export const Places = Items(Place);

/** Request types (talep, şikâyet, öneri, bilgi edinme, …). */
export const RequestType = Type.Object({
  code: Type.String(),
  nameTr: Type.String(),
  nameEn: Type.String(),
  /** The law whose deadline applies ('petition_3071', 'information_4982', 'kvkk_13'), if any. */
  legalClock: Nullable(Type.String()),
  allowsAnonymous: Type.Boolean(),
});
export type RequestType = Static<typeof RequestType>;
export const RequestTypes = Items(RequestType);
