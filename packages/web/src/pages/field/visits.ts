/** The visit the team is at: how the app names it, and remembering the choice on the tablet. */
import type { FieldBootstrap } from '../../api/field';

export type FieldVisit = FieldBootstrap['visits'][number];

/** "2026-05-14 · Atakum / Körfez · Sahil Meydanı" */
export const visitLabel = (v: FieldVisit): string => `${v.visitDate} · ${v.districtName}${v.neighbourhoodName ? ` / ${v.neighbourhoodName}` : ''} · ${v.place}`;

// The visit the team is at stays chosen across reloads (the tablet may restart mid-visit).
const VISIT_KEY = 'cozum-field-visit';

export function rememberedVisit(): string | null {
  try {
    return localStorage.getItem(VISIT_KEY);
  } catch {
    return null;
  }
}

export function rememberVisit(id: string | null): void {
  try {
    if (id) localStorage.setItem(VISIT_KEY, id);
    else localStorage.removeItem(VISIT_KEY);
  } catch {
    // not remembered this time
  }
}
