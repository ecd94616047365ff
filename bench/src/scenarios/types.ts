import type { Engine } from '../../../packages/server/src/db/client.js';

export interface BenchOptions {
  durationSeconds: number;
  connections: number | null;
}

/** One line of the report: a figure beside the reference measured in the same run. */
export interface Row {
  scenario: string;
  engine: Engine;
  value: number;
  unit: string;
  reference: number;
  /** value ÷ reference. */
  ratio: number;
  p50?: number;
  p99?: number;
  referenceP50?: number;
  referenceP99?: number;
  /** The budget, in words, and whether this run met it. */
  budget?: string;
  ok?: boolean;
}

export interface Scenario {
  name: string;
  summary: string;
  engines: Engine[];
  run(engine: Engine, options: BenchOptions): Promise<Row[]>;
}
