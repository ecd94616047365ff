/**
 * The citizen portal: what its form needs, submitting and signing in with a one-time code to
 * the phone, and following one's requests behind that verified phone.
 */
import { Type, type Static } from 'typebox';
import { REQUEST_STATUSES } from '@cozum/domain';
import { CitizenFields, Description, Id, Nullable, OneOf, ProblemPlaceFields } from './common.js';
import { ProofBody } from './proof-of-work.js';

const S = Type.String();
const NS = Nullable(Type.String());
const Status = OneOf(REQUEST_STATUSES);

/** The citizen's phone as every intake limits it, but required: the one-time code goes to it. */
const Phone = Type.String({ minLength: 1, maxLength: 30 });

// What the form needs.

export const PortalConfig = Type.Object({
  noticeVersion: S,
  notice: Type.Object({ tr: S, en: S }),
  codeLength: Type.Integer(),
  maxPhotoBytes: Type.Integer(),
  maxPhotos: Type.Integer(),
  photoTypes: Type.Array(S),
  /** A tile server's URL template and attribution, when the city configured one (MAP_TILE_URL). */
  mapTiles: Nullable(Type.Object({ url: S, attribution: S })),
  /**
   * How one-time codes reach a phone here: 'provider' by SMS; 'development' to the development
   * outbox and the server log (DEV_OUTBOX, nothing is sent); 'unavailable': no SMS provider, so
   * the portal takes no submission or sign-in (they answer portal.sms_unavailable).
   */
  sms: OneOf(['provider', 'development', 'unavailable'] as const),
});
export type PortalConfig = Static<typeof PortalConfig>;

/** `synonyms`: everyday words for the topic the citizen may type instead of its name ("lamba"). */
export const PortalCategory = Type.Object({ id: Type.Integer(), code: S, nameTr: S, nameEn: S, parentId: Nullable(Type.Integer()), synonyms: Type.Array(S) });
export type PortalCategory = Static<typeof PortalCategory>;

/** A district or a neighbourhood. */

// GeoJSON positions are [longitude, latitude].
const Rings = Type.Array(Type.Array(Type.Array(Type.Number())));
export const PortalDistrictFeature = Type.Object({
  type: Type.Literal('Feature'),
  properties: Type.Object({ code: S, name: S, population: Nullable(Type.Integer()) }),
  /** Polygon: the outer ring then holes; MultiPolygon: a list of such polygons. */
  geometry: Type.Union([Type.Object({ type: Type.Literal('Polygon'), coordinates: Rings }), Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Rings) })]),
});
export type PortalDistrictFeature = Static<typeof PortalDistrictFeature>;
export const PortalDistrictBoundaries = Type.Object({ type: Type.Literal('FeatureCollection'), attribution: S, features: Type.Array(PortalDistrictFeature) });
export type PortalDistrictBoundaries = Static<typeof PortalDistrictBoundaries>;

// Submitting and signing in with a one-time code.

export const PortalSubmissionBody = Type.Object(
  {
    categoryId: Id,
    description: Description,
    ...ProblemPlaceFields,
    fullName: CitizenFields.fullName,
    phone: Phone,
    email: CitizenFields.email,
    locale: CitizenFields.locale,
    consent: Type.Boolean(),
    noticeVersion: Type.String({ maxLength: 40 }),
    /** The honeypot: people never see it, so only a robot fills it in. */
    website: Type.Optional(Type.String({ maxLength: 200 })),
    proof: Type.Optional(ProofBody),
  },
  { additionalProperties: false },
);
export type PortalSubmissionBody = Static<typeof PortalSubmissionBody>;

/** A one-time code went to this phone (masked); it holds until expiresAt. */
export const PortalCodeSent = Type.Object({ phone: S, expiresAt: S });
export type PortalCodeSent = Static<typeof PortalCodeSent>;

export const PortalSubmissionStarted = Type.Intersect([PortalCodeSent, Type.Object({ submissionId: S })]);
export type PortalSubmissionStarted = Static<typeof PortalSubmissionStarted>;

/** A submission or a sign-in, by the id its start answered. */
export const PortalCodeParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type PortalCodeParams = Static<typeof PortalCodeParams>;
export const PortalCodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) }, { additionalProperties: false });
export type PortalCodeBody = Static<typeof PortalCodeBody>;

export const PortalSubmissionConfirmed = Type.Object({ trackingNo: S });
export type PortalSubmissionConfirmed = Static<typeof PortalSubmissionConfirmed>;

export const PortalProofOfWorkBody = Type.Object({ phone: Phone }, { additionalProperties: false });
export type PortalProofOfWorkBody = Static<typeof PortalProofOfWorkBody>;

export const PortalSignInBody = Type.Object(
  { phone: Phone, trackingNo: Type.Optional(Type.String({ maxLength: 20 })), locale: CitizenFields.locale, proof: Type.Optional(ProofBody) },
  { additionalProperties: false },
);
export type PortalSignInBody = Static<typeof PortalSignInBody>;

export const PortalSignInStarted = Type.Intersect([PortalCodeSent, Type.Object({ challengeId: S })]);
export type PortalSignInStarted = Static<typeof PortalSignInStarted>;

/** The tracking number the sign-in was asked with, if any. */
export const PortalSignedIn = Type.Object({ trackingNo: NS });
export type PortalSignedIn = Static<typeof PortalSignedIn>;

/** The verified phone of the citizen session, masked. */
export const PortalMe = Type.Object({ phone: S });
export type PortalMe = Static<typeof PortalMe>;

// Following one's requests.

export const PortalTrackingParams = Type.Object({ trackingNo: Type.String({ pattern: '^\\d{4}-\\d{7}$' }) }, { additionalProperties: false });
export type PortalTrackingParams = Static<typeof PortalTrackingParams>;

export const PortalMyRequest = Type.Object({ trackingNo: S, status: Status, categoryNameTr: S, categoryNameEn: S, createdAt: S, updatedAt: S });
export type PortalMyRequest = Static<typeof PortalMyRequest>;

/** An event of the public timeline; internal notes are never among them. */
export const PortalTimelineEntry = Type.Object({ id: Type.Integer(), type: S, toStatus: Nullable(Status), text: NS, at: S });
export type PortalTimelineEntry = Static<typeof PortalTimelineEntry>;

export const PortalRating = Type.Object({ score: Type.Integer(), comment: NS });
export type PortalRating = Static<typeof PortalRating>;

/** One of my requests as its citizen sees it. */
export const PortalRequestView = Type.Object({
  trackingNo: S,
  status: Status,
  description: S,
  categoryNameTr: S,
  categoryNameEn: S,
  districtName: NS,
  neighbourhoodName: NS,
  address: NS,
  createdAt: S,
  dueAt: NS,
  resolvedAt: NS,
  resolution: NS,
  timeline: Type.Array(PortalTimelineEntry),
  canRate: Type.Boolean(),
  rating: Nullable(PortalRating),
});
export type PortalRequestView = Static<typeof PortalRequestView>;

export const PortalRatingBody = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });
export type PortalRatingBody = Static<typeof PortalRatingBody>;

export const PortalPhoto = Type.Object({ id: Type.Integer(), fileName: S, contentType: S, sizeBytes: Type.Integer() });
export type PortalPhoto = Static<typeof PortalPhoto>;
