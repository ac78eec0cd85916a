import { ArticleJobSchema, QueueName } from "@zw/core";
import {
  type Connection,
  closeAll,
  type QueueLogger,
  startWorker,
  type WorkerLockOptions,
  type WorkerMetrics,
} from "@zw/queue";
import type { Worker } from "bullmq";
import { type ExtractorDeps, processArticle } from "./process-article";

export interface ExtractorMetrics extends WorkerMetrics {
  figures: { inc(labels: { metric: string }): void };
  events: { inc(labels: { type: string }): void };
}

export interface ExtractorOptions {
  connection: Connection;
  deps: ExtractorDeps;
  logger: QueueLogger;
  metrics?: ExtractorMetrics;
  concurrency?: number;
  lock?: WorkerLockOptions;
}

/** The article worker: a thin shell around processArticle. */
export function startExtractor(options: ExtractorOptions): {
  worker: Worker;
  /** Stops taking articles; running ones get `deadlineMs`, then are left to BullMQ's stalled check. */
  stop(deadlineMs?: number): Promise<void>;
} {
  const { logger, metrics } = options;
  const worker = startWorker(
    QueueName.article,
    ArticleJobSchema,
    async (job) => {
      const outcome = await processArticle(job, options.deps);
      for (const figure of outcome.figures) metrics?.figures.inc({ metric: figure.metric });
      for (const event of outcome.events) metrics?.events.inc({ type: event.type });
      logger.info(
        {
          url: job.url,
          figures: outcome.figures,
          events: outcome.events.length,
          alerts: outcome.alerts,
          text: outcome.textFrom,
        },
        "article processed",
      );
      return {
        figures: outcome.figures.length,
        events: outcome.events.map((e) => e.id),
        alerts: outcome.alerts,
      };
    },
    {
      connection: options.connection,
      logger,
      ...(metrics ? { metrics } : {}),
      concurrency: options.concurrency ?? 4,
      ...options.lock,
    },
  );
  return {
    worker,
    async stop(deadlineMs = 10_000) {
      await closeAll([worker], [], { deadlineMs });
    },
  };
}
