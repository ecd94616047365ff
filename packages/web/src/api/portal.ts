/** The citizen portal's calls: public ones, and those behind the citizen session cookie. */
import type {
  Items,
  Locale,
  PortalCategory,
  PortalCodeBody,
  PortalCodeSent,
  PortalConfig,
  PortalDistrictBoundaries,
  PortalDistrictFeature,
  PortalMyRequest,
  PortalPhoto,
  Place,
  PortalProofOfWorkBody,
  PortalRating,
  PortalRatingBody,
  PortalRequestView,
  PortalSignedIn,
  PortalSignInBody,
  PortalSignInStarted,
  PortalSubmissionBody,
  PortalSubmissionConfirmed,
  PortalSubmissionStarted,
  ProofChallenge,
} from '@cozum/contract';
import { api } from './client';
import { withProofOfWork } from './proofOfWork';

export type { PortalCategory, PortalConfig, Place } from '@cozum/contract';
/** The form as the page fills it; the proof of work is added when the server asks for one. */
export type SubmissionForm = Omit<PortalSubmissionBody, 'proof'>;
export type CodeSent = PortalCodeSent;
export type MyRequest = PortalMyRequest;
export type PublicRequest = PortalRequestView;
export type DistrictFeature = PortalDistrictFeature;

const codeChallenge = (phone: string) => api.post<ProofChallenge>('/portal/proof-of-work', { phone } satisfies PortalProofOfWorkBody);

export const portalApi = {
  config: () => api.get<PortalConfig>('/portal/config'),
  categories: () => api.get<Items<PortalCategory>>('/portal/categories'),
  districts: () => api.get<Items<Place>>('/portal/districts'),
  neighbourhoods: (districtId: number) => api.get<Items<Place>>(`/portal/districts/${districtId}/neighbourhoods`),
  boundaries: () => api.get<PortalDistrictBoundaries>('/portal/map/districts'),
  // Empty fields are left out rather than sent as null: the server's coercion would read a null number as 0.
  // Past a few codes to a number (or from an address) the server asks for a proof of work first.
  submit: (form: SubmissionForm, working: (busy: boolean) => void = () => undefined) =>
    withProofOfWork(
      (proof) => api.post<PortalSubmissionStarted>('/portal/submissions', { ...Object.fromEntries(Object.entries(form).filter(([, value]) => value !== null)), ...(proof ? { proof } : {}) }),
      () => codeChallenge(form.phone),
      working,
    ),
  confirmSubmission: (id: string, code: string) => api.post<PortalSubmissionConfirmed>(`/portal/submissions/${id}/confirm`, { code } satisfies PortalCodeBody),
  signIn: (phone: string, trackingNo: string | null, locale: Locale, working: (busy: boolean) => void = () => undefined) =>
    withProofOfWork(
      (proof) => api.post<PortalSignInStarted>('/portal/sign-in', { phone, trackingNo: trackingNo || undefined, locale, ...(proof ? { proof } : {}) } satisfies PortalSignInBody),
      () => codeChallenge(phone),
      working,
    ),
  confirmSignIn: (id: string, code: string) => api.post<PortalSignedIn>(`/portal/sign-in/${id}/confirm`, { code } satisfies PortalCodeBody),
  signOut: () => api.post<void>('/portal/sign-out'),
  myRequests: () => api.get<Items<PortalMyRequest>>('/portal/requests'),
  request: (trackingNo: string) => api.get<PortalRequestView>(`/portal/requests/${encodeURIComponent(trackingNo)}`),
  rate: (trackingNo: string, score: number, comment: string | null) => api.post<PortalRating>(`/portal/requests/${encodeURIComponent(trackingNo)}/rating`, { score, comment } satisfies PortalRatingBody),
  addPhoto: (trackingNo: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<PortalPhoto>(`/portal/requests/${encodeURIComponent(trackingNo)}/photos`, form);
  },
};
