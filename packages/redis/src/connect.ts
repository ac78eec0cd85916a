import { Redis } from "ioredis";

/**
 * An ioredis connection fit for BullMQ workers: no per-command retry limit (BullMQ requires
 * `maxRetriesPerRequest: null`) and reconnects with capped backoff after a Redis restart.
 */
export function connectRedis(url: string, name = "zahlenwacht"): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
}
