/**
 * Photos on the portal: checked before they are sent (the server's own limits, from
 * /portal/config), and each refusal said in the citizen's language, naming the photo.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { portalApi, type PortalConfig } from '../../api/portal';
import { errorText } from '../../i18n/server-errors';

type Limits = Pick<PortalConfig, 'maxPhotoBytes' | 'maxPhotos' | 'photoTypes'>;

/** What is wrong with one chosen file, or null. */
export function photoProblem(file: File, limits: Limits, t: TFunction): string | null {
  if (file.size === 0) return t('portal.form.photoEmpty', { name: file.name });
  if (file.size > limits.maxPhotoBytes) return t('portal.form.photoTooLarge', { name: file.name, size: (file.size / 1048576).toFixed(1), max: limits.maxPhotoBytes / 1048576 });
  if (!limits.photoTypes.includes(file.type)) return t('portal.form.photoWrongType', { name: file.name });
  return null;
}

/** What is wrong with the chosen files together, the first problem only, or null. */
export function photosProblem(files: File[], limits: Limits, t: TFunction): string | null {
  if (files.length > limits.maxPhotos) return t('portal.form.tooManyPhotos', { max: limits.maxPhotos });
  for (const file of files) {
    const problem = photoProblem(file, limits, t);
    if (problem) return problem;
  }
  return null;
}

/** One photo sent to a request: added, or why not and whether trying again may help. */
export interface PhotoOutcome {
  file: File;
  problem: string | null;
  retry: boolean;
}

/** Sends one photo to the request (with the citizen session); never throws. */
export async function sendPhoto(trackingNo: string, file: File, limits: Limits, alreadyAdded: number, t: TFunction): Promise<PhotoOutcome> {
  try {
    await portalApi.addPhoto(trackingNo, file);
    return { file, problem: null, retry: false };
  } catch (failure) {
    return { file, ...photoFailure(file, failure, limits, alreadyAdded, t) };
  }
}

function photoFailure(file: File, failure: unknown, limits: Limits, alreadyAdded: number, t: TFunction): { problem: string; retry: boolean } {
  const name = file.name;
  if (!(failure instanceof ApiError)) return { problem: t('portal.photo.refused', { name, reason: errorText(failure) }), retry: true };
  if (failure.status === 0) return { problem: t('portal.photo.network', { name }), retry: true };
  if (failure.status === 401) return { problem: t('portal.photo.sessionEnded', { name }), retry: false };
  if (failure.status === 413 || file.size > limits.maxPhotoBytes) return { problem: t('portal.photo.tooLarge', { name, max: limits.maxPhotoBytes / 1048576 }), retry: false };
  if (failure.status === 400 && failure.fieldMessage('file') !== undefined) {
    if (alreadyAdded >= limits.maxPhotos) return { problem: t('portal.photo.tooMany', { name, max: limits.maxPhotos }), retry: false };
    // Size, type and emptiness were checked before sending: what is left is the content.
    return { problem: t('portal.photo.notPhoto', { name }), retry: false };
  }
  return { problem: t('portal.photo.refused', { name, reason: errorText(failure) }), retry: true };
}
