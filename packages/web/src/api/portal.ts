/** The citizen portal's calls: public ones, and those behind the citizen session cookie. */
import { api, type Items } from './client';
import { withProofOfWork, type ProofChallenge } from './proofOfWork';

export interface PortalConfig {
  noticeVersion: string;
  notice: { tr: string; en: string };
  codeLength: number;
  maxPhotoBytes: number;
  maxPhotos: number;
  photoTypes: string[];
  /** A tile server's URL template and attribution, when the city configured one (MAP_TILE_URL). */
  mapTiles: { url: string; attribution: string } | null;
}

export interface PortalCategory {
  id: number;
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
}

export interface PortalPlace {
  id: number;
  code: string;
  name: string;
}

export interface SubmissionForm {
  categoryId: number;
  description: string;
  districtId: number | null;
  neighbourhoodId: number | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  fullName: string | null;
  phone: string;
  email: string | null;
  locale: 'tr' | 'en';
  consent: boolean;
  noticeVersion: string;
  website: string;
}

export interface CodeSent {
  phone: string;
  expiresAt: string;
}

export interface MyRequest {
  trackingNo: string;
  status: string;
  categoryNameTr: string;
  categoryNameEn: string;
  createdAt: string;
  updatedAt: string;
}

export interface PublicRequest {
  trackingNo: string;
  status: string;
  description: string;
  categoryNameTr: string;
  categoryNameEn: string;
  districtName: string | null;
  neighbourhoodName: string | null;
  address: string | null;
  createdAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  timeline: { id: number; type: string; toStatus: string | null; text: string | null; at: string }[];
  canRate: boolean;
  rating: { score: number; comment: string | null } | null;
}

export interface DistrictFeature {
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

const codeChallenge = (phone: string) => api.post<ProofChallenge>('/portal/proof-of-work', { phone });

export const portalApi = {
  config: () => api.get<PortalConfig>('/portal/config'),
  categories: () => api.get<Items<PortalCategory>>('/portal/categories'),
  districts: () => api.get<Items<PortalPlace>>('/portal/districts'),
  neighbourhoods: (districtId: number) => api.get<Items<PortalPlace>>(`/portal/districts/${districtId}/neighbourhoods`),
  boundaries: () => api.get<{ attribution: string; features: DistrictFeature[] }>('/portal/map/districts'),
  // Empty fields are left out rather than sent as null: the server's coercion would read a null number as 0.
  // Past a few codes to a number (or from an address) the server asks for a proof of work first.
  submit: (form: SubmissionForm, working: (busy: boolean) => void = () => undefined) =>
    withProofOfWork(
      (proof) => api.post<CodeSent & { submissionId: string }>('/portal/submissions', { ...Object.fromEntries(Object.entries(form).filter(([, value]) => value !== null)), ...(proof ? { proof } : {}) }),
      () => codeChallenge(form.phone),
      working,
    ),
  confirmSubmission: (id: string, code: string) => api.post<{ trackingNo: string }>(`/portal/submissions/${id}/confirm`, { code }),
  signIn: (phone: string, trackingNo: string | null, locale: 'tr' | 'en', working: (busy: boolean) => void = () => undefined) =>
    withProofOfWork(
      (proof) => api.post<CodeSent & { challengeId: string }>('/portal/sign-in', { phone, trackingNo: trackingNo || undefined, locale, ...(proof ? { proof } : {}) }),
      () => codeChallenge(phone),
      working,
    ),
  confirmSignIn: (id: string, code: string) => api.post<{ trackingNo: string | null }>(`/portal/sign-in/${id}/confirm`, { code }),
  signOut: () => api.post<void>('/portal/sign-out'),
  myRequests: () => api.get<Items<MyRequest>>('/portal/requests'),
  request: (trackingNo: string) => api.get<PublicRequest>(`/portal/requests/${encodeURIComponent(trackingNo)}`),
  rate: (trackingNo: string, score: number, comment: string | null) => api.post<{ score: number }>(`/portal/requests/${encodeURIComponent(trackingNo)}/rating`, { score, comment }),
  addPhoto: (trackingNo: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: number }>(`/portal/requests/${encodeURIComponent(trackingNo)}/photos`, form);
  },
};
