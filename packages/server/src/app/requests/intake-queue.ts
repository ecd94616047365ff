/**
 * The API's intake path: requests arriving together are written together. Each arrival joins
 * a queue; a batch takes what has queued (up to `maxBatch`), checks it against reference data
 * kept in memory, and writes it with two statements (create-request.ts): the first confirms
 * that the reference data did not move and draws the ids, the second writes everything, so
 * the batch commits or fails as a whole; a transaction is needed only when citizens are looked
 * up by phone or TC kimlik no. While a batch is in flight the next one fills, so under load a
 * batch holds what arrived during one write, and alone a request waits for nobody.
 *
 * Every caller still hears about its own request only: one that fails its checks gets its own
 * 4xx and the rest of the batch goes on. If the batch's write fails (a database error),
 * nothing of it was written and each request is retried alone, so one cannot sink the others.
 * A request is acknowledged only after its batch committed.
 */
import type { Executor } from '../../db/client.js';
import type { Actor } from '../audit.js';
import { createRequest, intakesNeedTransaction, prepareIntake, writeIntakes, type CreatedRequest, type CreateRequestInput, type PreparedIntake } from './create-request.js';
import { ReferenceCache, ReferenceMoved, type IntakeReference } from './intake-lookups.js';

interface Job {
  actor: Actor | null;
  input: CreateRequestInput;
  now: Date;
  resolve(created: CreatedRequest): void;
  reject(error: unknown): void;
}

export interface IntakeQueueOptions {
  /** Most intakes in one batch (default 64). */
  maxBatch?: number;
  /**
   * Batches written at once (default 1). More only make each smaller: on two cores, one at a
   * time wrote more requests a second than two (bench requests.create).
   */
  maxInFlight?: number;
}

export class IntakeQueue {
  private readonly queue: Job[] = [];
  private inFlight = 0;
  private readonly reference = new ReferenceCache();
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Executor,
    options: IntakeQueueOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 64;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  submit(actor: Actor | null, input: CreateRequestInput, now: Date): Promise<CreatedRequest> {
    return new Promise((resolve, reject) => {
      this.queue.push({ actor, input, now, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const jobs = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(jobs).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(jobs: Job[]): Promise<void> {
    let outcome: { job: Job; created?: CreatedRequest; error?: unknown }[];
    try {
      // Checked against the copy in memory; if the reference moved meanwhile, again against fresh data.
      const cached = this.reference.latest();
      outcome = cached
        ? await this.writeBatch(jobs, cached).catch(async (error: unknown) => {
            if (!(error instanceof ReferenceMoved)) throw error;
            return this.writeBatch(jobs, await this.reference.get(this.db));
          })
        : await this.writeBatch(jobs, await this.reference.get(this.db));
    } catch (error) {
      // (The retry reads its own reference, so a reference that moved twice is no failure.)
      if (jobs.length === 1 && !(error instanceof ReferenceMoved)) return jobs[0]!.reject(error);
      // Nothing of the batch was written: each alone, so the failure stays with its cause.
      await Promise.all(jobs.map((job) => this.db.transaction((tx) => createRequest(tx, job.actor, job.input, job.now)).then(job.resolve, job.reject)));
      return;
    }
    for (const { job, created, error } of outcome) {
      if (created) job.resolve(created);
      else job.reject(error);
    }
  }

  private async writeBatch(jobs: Job[], reference: IntakeReference): Promise<{ job: Job; created?: CreatedRequest; error?: unknown }[]> {
    const checked = jobs.map((job) => {
      try {
        return { job, intake: prepareIntake(reference, job.actor, job.input, job.now) };
      } catch (error) {
        return { job, error };
      }
    });
    const ready = checked.filter((c): c is { job: Job; intake: PreparedIntake } => 'intake' in c);
    // Writing confirms the reference was current; with nothing to write, refusals are confirmed here.
    if (!ready.length && (await this.reference.get(this.db)) !== reference) throw new ReferenceMoved();
    const intakes = ready.map((c) => c.intake);
    const created = intakesNeedTransaction(intakes) ? await this.db.transaction((tx) => writeIntakes(tx, reference, intakes)) : await writeIntakes(this.db, reference, intakes);
    const createdFor = new Map(ready.map((c, n) => [c.job, created[n]!]));
    return checked.map((c) => ('error' in c ? { job: c.job, error: c.error } : { job: c.job, created: createdFor.get(c.job)! }));
  }
}
