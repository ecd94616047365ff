/** Tracking numbers: "2025-0123456", a year and a 7-digit number, easy to read out on the phone. */
export function formatTrackingNumber(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 9_999_999) throw new RangeError(`tracking sequence ${seq} is outside 1..9999999`);
  return `${year}-${String(seq).padStart(7, '0')}`;
}

/** Accepts what people type: "2025-0123456", "2025 0123456", "20250123456", "2025-123456". */
export function parseTrackingNumber(text: string): { year: number; seq: number } | null {
  const compact = text.replace(/[\s.]/g, '');
  const m = /^(\d{4})-?(\d{1,7})$/.exec(compact);
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? { year: Number(m[1]), seq } : null;
}
