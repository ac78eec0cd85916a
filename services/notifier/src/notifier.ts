import { type AlertJob, AlertJobSchema, QueueName, type Subscription } from "@zw/core";
import {
  alertJobId,
  type Connection,
  closeAll,
  type QueueLogger,
  startWorker,
  type WorkerLockOptions,
  type WorkerMetrics,
} from "@zw/queue";
import type { DeliveryLog } from "@zw/store";
import { DelayedError, type Job, type Queue, RateLimitError, UnrecoverableError, type Worker } from "bullmq";
import type { AlertSink } from "./alert-sink";

export interface NotifierDeps {
  sink: AlertSink;
  /** The subscription the alert was fanned out for; null when it was removed meanwhile. */
  subscription(guildId: string, channelId: string): Promise<Subscription | null>;
  pauseSubscription(guildId: string, channelId: string, reason: string): Promise<void>;
  /** Keeps the alerts of a digest subscription for the day's summary instead of posting them. */
  addToDigest(job: AlertJob): Promise<void>;
}

export interface NotifierOptions {
  connection: Connection;
  deliveries: DeliveryLog;
  alertQueue: Queue;
  deps: NotifierDeps;
  logger: QueueLogger;
  metrics?: WorkerMetrics & { alertsSent: { inc(labels: { type: string }): void } };
  concurrency?: number;
  lock?: WorkerLockOptions;
  now?: () => Date;
  /** First pause after a failed delivery; doubles with each failure in a row, up to a minute. */
  retryDelayMs?: number;
}

const MAX_PAUSE_MS = 60_000;

/**
 * Delivers alert jobs exactly once and in order per channel. A delivered alert is recorded in the
 * delivery log under its job id, so a retried job never posts twice (the sink's nonce covers a crash
 * between post and record).
 * While Discord fails or rate-limits, the whole queue waits with the job back at its head, instead
 * of retrying it later behind newer alerts.
 */
export function startNotifier(options: NotifierOptions): {
  worker: Worker;
  /** Stops taking alerts; a delivery still running after `deadlineMs` is left to BullMQ's stalled check. */
  stop(deadlineMs?: number): Promise<void>;
} {
  const { deps, deliveries, logger } = options;
  const now = options.now ?? (() => new Date());
  let failuresInARow = 0;

  const handle = async (job: AlertJob, bullJob: Job): Promise<string> => {
    const id =
      bullJob.id ??
      alertJobId(
        job.alerts.map((a) => a.id),
        job.channelId,
      );
    if (await deliveries.wasDelivered(id)) return "already sent";
    const subscription = await deps.subscription(job.guildId, job.channelId);
    if (!subscription) return "subscription removed";
    if (subscription.pausedReason) return `subscription paused: ${subscription.pausedReason}`;
    const quietUntil = endOfQuietHours(subscription, now());
    if (quietUntil) {
      // Back to the delayed set until the quiet hours end; not a failed attempt.
      await bullJob.moveToDelayed(quietUntil.getTime(), bullJob.token);
      throw new DelayedError();
    }
    if (subscription.digest) {
      await deps.addToDigest(job);
      await deliveries.recordDelivery(id, "digest", now());
      return "kept for the digest";
    }
    const result = await deps.sink.deliver(job);
    if (result.status === "sent") {
      failuresInARow = 0;
      await deliveries.recordDelivery(id, "posted", now());
      for (const alert of job.alerts) options.metrics?.alertsSent.inc({ type: alert.type });
      return "sent";
    }
    if (result.status === "rejected") throw new UnrecoverableError(`refused by Discord: ${result.reason}`);
    if (result.status === "permanent") {
      await deps.pauseSubscription(job.guildId, job.channelId, result.reason);
      logger.warn(
        { guildId: job.guildId, channelId: job.channelId, reason: result.reason },
        "subscription paused",
      );
      throw new UnrecoverableError(`not delivered: ${result.reason}`);
    }
    failuresInARow += 1;
    const pause =
      result.retryAfterMs ??
      Math.min(MAX_PAUSE_MS, (options.retryDelayMs ?? 1_000) * 2 ** (failuresInARow - 1));
    logger.warn({ reason: result.reason, pauseMs: pause }, "delivery failed; alerts wait");
    await options.alertQueue.rateLimit(pause);
    throw new RateLimitError();
  };

  const worker = startWorker(QueueName.alert, AlertJobSchema, handle, {
    connection: options.connection,
    logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    // One at a time keeps a channel's alerts in order; Discord's per-channel limit is the bound anyway.
    concurrency: options.concurrency ?? 1,
    ...options.lock,
  });
  return {
    worker,
    async stop(deadlineMs = 10_000) {
      await closeAll([worker], [], { deadlineMs });
    },
  };
}

/** When the subscription's quiet hours (UTC, [from, to)) hold at `at`, the moment they end. */
export function endOfQuietHours(subscription: Subscription, at: Date): Date | null {
  const quiet = subscription.quietHours;
  if (!quiet || quiet.from === quiet.to) return null;
  const hour = at.getUTCHours();
  const inside =
    quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
  if (!inside) return null;
  const end = new Date(at);
  end.setUTCHours(quiet.to, 0, 0, 0);
  if (end <= at) end.setUTCDate(end.getUTCDate() + 1);
  return end;
}
