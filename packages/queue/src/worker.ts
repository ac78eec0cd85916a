import type { Config, QueueName } from "@zw/core";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { z } from "zod";
import { InvalidJobError, parseJob } from "./job-schema";
import type { Connection } from "./queues";

/** The slice of a pino logger the workers use (pino's Logger satisfies it). */
export interface QueueLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

interface QueueCounter {
  inc(labels: { queue: string }): void;
}

/** The slice of @zw/observability's metrics the workers feed. */
export interface WorkerMetrics {
  jobsDone: QueueCounter;
  /** Counts jobs that failed for good (no attempts left, or unrecoverable), not each retry. */
  jobsFailed: QueueCounter;
}

export interface StartWorkerOptions {
  connection: Connection;
  logger: QueueLogger;
  metrics?: WorkerMetrics;
  concurrency?: number;
  /** How long a job's lock lasts without renewal; a crashed worker's jobs return after it. */
  lockDuration?: number;
  stalledInterval?: number;
  /** How often a job may stall (its worker died) before it fails instead of running again. */
  maxStalledCount?: number;
}

export type WorkerLockOptions = Pick<StartWorkerOptions, "lockDuration" | "stalledInterval">;

/** The lock settings of config.workers, for every service's worker. */
export function workerLockOptions(workers: Config["workers"]): WorkerLockOptions {
  return { lockDuration: workers.lockDurationMs, stalledInterval: workers.stalledIntervalMs };
}

/** Gets the payload already validated; throwing retries the job with its queue's backoff. */
export type JobHandler<T> = (data: T, job: Job) => Promise<unknown>;

/**
 * A BullMQ worker that validates each payload before the handler sees it. A payload failing its
 * schema goes straight to the failed set with the reason (UnrecoverableError: no retry); any
 * other error is retried. Errors are logged, never thrown out of the process.
 */
export function startWorker<S extends z.ZodType>(
  queueName: QueueName,
  schema: S,
  handler: JobHandler<z.output<S>>,
  options: StartWorkerOptions,
): Worker {
  const { logger, metrics } = options;
  const worker = new Worker(
    queueName,
    async (job: Job) => {
      let data: z.output<S>;
      try {
        data = parseJob(queueName, schema, job.data);
      } catch (error) {
        if (error instanceof InvalidJobError) throw new UnrecoverableError(`job ${job.id}: ${error.message}`);
        throw error;
      }
      return handler(data, job);
    },
    {
      connection: options.connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 1,
    },
  );
  worker.on("completed", (job) => {
    metrics?.jobsDone.inc({ queue: queueName });
    logger.debug({ queue: queueName, jobId: job.id }, "job done");
  });
  worker.on("failed", (job, error) => {
    // finishedOn is set only when the job moved to the failed set for good.
    const final = !job || Boolean(job.finishedOn);
    if (final) metrics?.jobsFailed.inc({ queue: queueName });
    const fields = { queue: queueName, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error };
    if (final) logger.error(fields, "job failed");
    else logger.warn(fields, "job failed, will retry");
  });
  worker.on("stalled", (jobId) => logger.warn({ queue: queueName, jobId }, "job stalled, released"));
  // Connection trouble and the like: BullMQ reconnects by itself; an unheard 'error' would crash.
  worker.on("error", (error) => logger.error({ queue: queueName, err: error }, "worker error"));
  return worker;
}
