import type { Article } from '../../api/knowledgeBase';
import type { ConsolePop } from '../../api/live';

/**
 * The request form, opened from the call in hand: the call to close with the request, the
 * caller's number and known name, and the topic of the article the agent was reading.
 */
export function requestFormPath(call: NonNullable<ConsolePop['call']>, history: ConsolePop['history'], article: Article | null): string {
  const query = new URLSearchParams({ contactId: String(call.contactId) });
  if (call.callerNumber) query.set('phone', call.callerNumber);
  if (history?.citizens[0]?.fullName) query.set('name', history.citizens[0].fullName);
  if (article?.categoryId) query.set('categoryId', String(article.categoryId));
  return `/requests/new?${query.toString()}`;
}
