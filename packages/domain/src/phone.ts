/**
 * Turkish phone numbers to one form, E.164 digits without '+': "0532 123 45 67",
 * "+90 (532) 123-4567" and "5321234567" all become "905321234567". Numbers abroad keep their
 * country code when written with '+' or '00'.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  let digits = trimmed.replace(/[\s().-]/g, '').replace(/^\+/, '').replace(/^00/, '');
  if (!/^\d+$/.test(digits)) return null;
  if (international) {
    if (digits.startsWith('90')) return digits.length === 12 && /^90[2-5]/.test(digits) ? digits : null;
    return digits.length >= 8 && digits.length <= 15 ? digits : null;
  }
  if (digits.startsWith('90') && digits.length === 12) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  // National numbers are 10 digits: area codes 2xx-4xx, mobiles 5xx.
  return digits.length === 10 && /^[2-5]/.test(digits) ? `90${digits}` : null;
}

/** "905321234567" → "0532 *** ** 67": enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.startsWith('90') && phone.length === 12) return `0${phone.slice(2, 5)} *** ** ${phone.slice(10)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-2)}`;
}

/**
 * A phone as people read it: Turkish numbers (stored "905321234567") as "0532 123 45 67",
 * numbers abroad with their '+' ("+44 2079460958" stays digits after the country's '+').
 * Masked numbers ("0532 *** ** 67") and text that is no phone number are shown as given.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  if (phone.includes('*')) return phone;
  const trimmed = phone.trim();
  const stored = /^\d{8,15}$/.test(trimmed) ? trimmed : normalizePhone(trimmed);
  if (!stored) return phone;
  if (stored.startsWith('90') && stored.length === 12) {
    const national = stored.slice(2);
    return `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
  }
  return `+${stored}`;
}
