/**
 * The agent's request form as data: its values (prefilled from the agent console's link), the
 * checks made before sending, and the request and citizen the API takes from it.
 */
import type { TFunction } from 'i18next';
import type { Channel, NewCitizen, NewRequest } from '../../api/requests';
import type { Locale } from '../../api/users';
import type { FieldErrors, useForm } from '../../hooks/useForm';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Citizen fields are named as the server names them in errors ("citizen.phone"), so its
// field messages land under the right input.
export interface IntakeValues {
  categoryId: number | null;
  requestType: string | null;
  channel: Channel;
  description: string;
  districtId: number | null;
  neighbourhoodId: number | null;
  address: string;
  anonymous: boolean;
  'citizen.fullName': string;
  'citizen.phone': string;
  'citizen.tcKimlikNo': string;
  'citizen.email': string;
  'citizen.locale': Locale;
  files: File[];
}

export type IntakeForm = ReturnType<typeof useForm<IntakeValues>>;

/** An empty form, or the caller's details and the topic the agent console sent (?name=&phone=&categoryId=&description=). */
export function initialValues(query: URLSearchParams): IntakeValues {
  return {
    categoryId: Number(query.get('categoryId')) || null,
    requestType: null,
    channel: 'phone',
    description: query.get('description') ?? '',
    districtId: null,
    neighbourhoodId: null,
    address: '',
    anonymous: false,
    'citizen.fullName': query.get('name') ?? '',
    'citizen.phone': query.get('phone') ?? '',
    'citizen.tcKimlikNo': '',
    'citizen.email': '',
    'citizen.locale': 'tr',
    files: [],
  };
}

export function intakeProblems(v: IntakeValues, t: TFunction): FieldErrors<IntakeValues> {
  const tckn = v['citizen.tcKimlikNo'].trim();
  const email = v['citizen.email'].trim();
  return {
    categoryId: v.categoryId === null ? t('validation.required') : undefined,
    description: v.description.trim() ? undefined : t('validation.required'),
    'citizen.tcKimlikNo': v.anonymous || !tckn || /^\d{11}$/.test(tckn) ? undefined : t('validation.tcKimlikNo'),
    'citizen.email': v.anonymous || !email || EMAIL.test(email) ? undefined : t('validation.email'),
    files: v.files.some((file) => file.size > MAX_FILE_BYTES) ? t('newRequest.filesHint') : undefined,
  };
}

const optional = (text: string) => text.trim() || null;

/** The caller as typed, blanks left out. */
export function citizenOf(v: IntakeValues): NewCitizen {
  return {
    fullName: optional(v['citizen.fullName']),
    phone: optional(v['citizen.phone']),
    tcKimlikNo: optional(v['citizen.tcKimlikNo']),
    email: optional(v['citizen.email']),
    locale: v['citizen.locale'],
  };
}

export function requestOf(v: IntakeValues): NewRequest {
  return {
    categoryId: v.categoryId!,
    requestType: v.requestType ?? undefined,
    description: v.description.trim(),
    channel: v.channel,
    districtId: v.districtId,
    neighbourhoodId: v.neighbourhoodId,
    address: optional(v.address),
    citizen: v.anonymous ? null : citizenOf(v),
  };
}
