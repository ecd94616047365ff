/**
 * The portal form's own checks, the same as the server's, so the citizen hears what is wrong
 * next to the field, in their language, before anything is sent.
 */
import { normalizePhone } from '@cozum/domain';

/** A mobile number (5xx) the code can go to, as the server's checkPhone wants it. */
export const isMobile = (raw: string): boolean => /^905\d{9}$/.test(normalizePhone(raw) ?? '');

export const isTrackingNo = (raw: string): boolean => /^\d{4}-\d{7}$/.test(raw.trim());

export const isEmail = (raw: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw.trim());

/** The first of the named fields that has a problem, in the order given (the form's order). */
export const firstWith = <K extends string>(order: readonly K[], problems: Partial<Record<K, string | undefined>>): K | undefined => order.find((field) => problems[field]);
