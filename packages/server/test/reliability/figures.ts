/** Figures the reliability tests report; the global setup prints them as one table at the end. */
import fs from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityFigures: string;
  }
}

export interface Figure {
  scenario: string;
  measure: string;
  value: number | string;
  /** What it must be: shown beside the value. */
  expected?: string;
  ok: boolean;
}

export function report(...figures: Figure[]): void {
  fs.appendFileSync(inject('reliabilityFigures'), figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
}
