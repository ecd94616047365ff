/**
 * Where a citizen's personal data lives, column by column, and what the KVKK export
 * (citizen-data.ts) and anonymisation (anonymise.ts) do with it. Every other column whose name
 * or type looks personal is in NOT_PERSONAL with the reason. test/kvkk-erasure.test.ts reads
 * the database's own column list against both, so a new table or column cannot be forgotten.
 */

export interface Coverage {
  /** Where the data-access export shows it, or why it does not. */
  export: string;
  /** What anonymisation does to it. */
  anonymise: string;
}

export const PERSONAL_COLUMNS: Readonly<Record<string, Coverage>> = {
  'citizens.full_name': { export: 'citizen.fullName', anonymise: 'cleared' },
  'citizens.phone': { export: 'citizen.phone', anonymise: 'cleared' },
  'citizens.tc_kimlik_no': { export: 'citizen.tcKimlikNo', anonymise: 'cleared' },
  'citizens.email': { export: 'citizen.email', anonymise: 'cleared' },
  'citizens.address': { export: 'citizen.address', anonymise: 'cleared' },
  'requests.description': { export: 'requests[].description', anonymise: 'phones, e-mails and TC kimlik nos scrubbed; the problem stays for the figures' },
  'requests.address': { export: 'requests[].address', anonymise: 'cleared' },
  'contacts.caller_number': { export: 'contacts[].callerNumber', anonymise: 'cleared' },
  'contacts.notes': { export: 'contacts[].notes', anonymise: 'cleared' },
  'consents.phone': { export: 'citizen.phone (the same number)', anonymise: 'cleared' },
  'consents.ip': { export: 'consents[].ip', anonymise: 'cleared' },
  'outbox.payload': { export: 'messages[] (to, subject, text), about their own requests, requests they follow, and codes', anonymise: 'replaced by {anonymised: true}; a waiting message is not sent' },
  'outbox.last_error': { export: 'not exported: the SMS or mail server’s own error', anonymise: 'cleared on their messages' },
  'satisfaction_ratings.comment': { export: 'requests[].rating.comment', anonymise: 'scrubbed like the description' },
  'survey_answers.text': { export: 'requests[].surveyAnswers[]', anonymise: 'scrubbed like the description' },
  'open311_submissions.device_id': { export: 'requests[].app.deviceId', anonymise: 'cleared' },
  'open311_submissions.account_id': { export: 'requests[].app.accountId', anonymise: 'cleared' },
  'open311_submissions.media_url': { export: 'requests[].app.mediaUrl', anonymise: 'cleared' },
  'open311_submissions.attributes': { export: 'requests[].app.attributes', anonymise: 'emptied' },
  'attachments.file_name': { export: 'requests[].files[].fileName', anonymise: "renamed 'dosya-<id>.<type>'" },
  'portal_challenges.phone': { export: 'not exported: a code request lives a day at most', anonymise: 'row deleted' },
  'portal_challenges.payload': { export: 'not exported: the form waiting for its code, a day at most', anonymise: 'row deleted' },
  'portal_challenges.ip': { export: 'not exported: a day at most', anonymise: 'row deleted' },
  'citizen_sessions.phone': { export: 'not exported: a portal session lasts 30 minutes', anonymise: 'row deleted' },
};

/** Columns that look personal by name or type but hold no citizen's personal data, and why. */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  // Staff and the centre's own records (employment data, handled by user administration and retention of sessions).
  'users.username': 'a staff account, not a citizen',
  'users.display_name': 'a staff account, not a citizen',
  'users.email': 'a staff account, not a citizen',
  'users.password_hash': 'a staff password hash',
  'user_totp.secret_sealed': "a staff member's sealed authenticator secret",
  'sessions.ip': 'staff sign-ins; the retention class "sessions" clears it',
  'sessions.user_agent': 'staff sign-ins; the retention class "sessions" clears it',
  'sessions.token_hash': 'an HMAC of a staff cookie',
  'citizen_sessions.token_hash': 'an HMAC of a portal cookie',
  'portal_challenges.code_hash': 'an HMAC of a one-time code',
  'contacts.agent_name': 'the agent who took the call (staff)',
  'contacts.external_id': "the PBX's call id",
  'contacts.exit_reason': 'how a queued call ended (a PBX code)',
  'survey_answers.value': 'a point on a scale',
  'agent_states.agent': 'an agent interface (staff)',
  'agent_states.reason': 'an agent pause reason (staff)',
  'agent_states.call_id': "the PBX's call id",
  'agent_state_events.agent': 'an agent interface (staff)',
  'agent_state_events.reason': 'an agent pause reason (staff)',
  'contact_rollup.agent': 'an agent interface (staff)',
  'field_visits.notes': "the bus team's notes on a visit (staff), not about a person",
  'field_visits.place': 'where the bus stood (a square, a market)',
  'field_teams.name': 'a team name',
  // Append-only by design (DESIGN §4, §9): kept at least 3 years, written without contact details.
  'audit_log.actor_name': 'the staff member who acted; the KVKK access log must be kept',
  'audit_log.ip': "the staff member's address; the KVKK access log must be kept",
  'audit_log.purpose': 'the purpose staff gave; the KVKK access log must be kept',
  'audit_log.data': 'ids, counts and settings, never contact details; append-only',
  'request_events.reason': 'staff-written reasons in the append-only history, with no contact details by rule',
  'request_events.data': 'ids, statuses and channels (a follower is a citizen id); append-only',
  'requests.resolution': "the unit's answer, written by staff",
  'requests.referred_to': 'the institution a request went to',
  'requests.latitude': 'where the problem is (a pipe, a pothole), shown on the map; the address text, which may name a home, is cleared',
  'requests.longitude': 'where the problem is, as latitude',
  // Content and settings written by the centre.
  'settings.value': 'administration settings',
  'kb_articles.title_tr': 'a knowledge-base article',
  'kb_articles.title_en': 'a knowledge-base article',
  'kb_articles.body_tr': 'a knowledge-base article',
  'kb_articles.body_en': 'a knowledge-base article',
  'message_templates.subject': 'a message template',
  'message_templates.body': 'a message template',
  'response_templates.name': 'a reply template',
  'response_templates.body_tr': 'a reply template',
  'response_templates.body_en': 'a reply template',
  'surveys.title_tr': 'a survey',
  'surveys.title_en': 'a survey',
  'surveys.intro_tr': 'a survey',
  'surveys.intro_en': 'a survey',
  'survey_questions.text_tr': 'a survey question',
  'survey_questions.text_en': 'a survey question',
  'survey_questions.options': 'a survey question’s choices',
  'retention_runs.policy': 'years per data class',
  'retention_runs.cutoffs': 'dates',
  'retention_runs.counts': 'counts',
  'open311_clients.name': "an app's name (a company, not a citizen)",
  'open311_clients.contact': "an app vendor's contact, not a citizen",
  'open311_submissions.token': 'a random service-request token',
  'open311_clients.key_hash': "a hash of an app's api key",
  'idempotency_keys.response': "a field write's answer (a new request's id and tracking number, or an error), deleted after 30 days",
  // Reference data.
  'units.name_tr': 'a unit', 'units.name_en': 'a unit',
  'categories.name_tr': 'a category', 'categories.name_en': 'a category',
  'request_types.name_tr': 'a request type', 'request_types.name_en': 'a request type',
  'request_types.notify_email': "the events a request type tells its citizens of by e-mail, not anyone's address",
  'districts.name': 'a district', 'neighbourhoods.name': 'a neighbourhood',
  'holidays.name_tr': 'a public holiday', 'holidays.name_en': 'a public holiday',
};

/**
 * Column names that suggest a person's data (and JSON, which can hold anything): each must be
 * in one of the two lists above.
 */
export const LOOKS_PERSONAL = /phone|mail|name|address|kimlik|recipient|caller|description|note|comment|text|reason|resolution|referred|(^|_)ip$|user_agent|device|account|contact$|payload|attributes|response$|media|place|(^|_)subject$|body|title|intro|(^|_)agent(_name)?$|token|secret|password|hash|latitude|longitude|(^|_)data$|(^|_)value$/;
