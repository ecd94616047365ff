import type { TFunction } from 'i18next';
import { closeContact } from '../../api/live';
import { createRequest, uploadAttachment, type CreatedRequest } from '../../api/requests';
import { errorText } from '../../i18n/server-errors';
import { requestOf, type IntakeValues } from './intake';

export interface Outcome {
  created: CreatedRequest;
  /** What went wrong after the request was recorded: a file refused, the call not linked. */
  uploadFailures: string[];
  /** Opened from the agent console: the call the request was recorded on, now closed with it. */
  contactLinked?: boolean;
}

/**
 * Records the request, then its files and, from the agent console, closes the call with it.
 * The request stands even if a file is refused or the call cannot be closed; the outcome says which.
 */
export async function recordRequest(v: IntakeValues, contactId: number | null, t: TFunction): Promise<Outcome> {
  const created = await createRequest(requestOf(v));
  const uploadFailures: string[] = [];
  for (const file of v.files) {
    try {
      await uploadAttachment(created.id, file, 'internal');
    } catch (error) {
      uploadFailures.push(t('newRequest.uploadFailed', { file: file.name, message: errorText(error) }));
    }
  }
  let contactLinked: boolean | undefined;
  if (contactId) {
    try {
      await closeContact(contactId, { outcome: 'request_created', requestId: created.id });
      contactLinked = true;
    } catch (error) {
      contactLinked = false;
      uploadFailures.push(t('console.linkFailed', { message: errorText(error) }));
    }
  }
  return { created, uploadFailures, contactLinked };
}
