import { REST } from "discord.js";

export interface DiscordRestOptions {
  token: string;
  /** Base of the HTTP API without version (config `discordApiUrl`); Discord's own when null. */
  apiUrl?: string | null;
  /**
   * The longest a rate limit may hold one request before it fails as retryable instead, so a
   * long limit hands the wait to the job queue's backoff rather than blocking a worker.
   */
  maxRateLimitWaitMs?: number;
  timeoutMs?: number;
}

/**
 * discord.js's REST client as this project uses it. Its own 429 handling (Retry-After, buckets,
 * global limit) is kept. Its retries of 5xx and network errors are off: a failed post fails the
 * BullMQ job, whose backoff is the one retry mechanism, and the nonce makes that retry safe.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl.replace(/\/+$/, "") } : {}),
    retries: 0,
    timeout: options.timeoutMs ?? 15_000,
    rejectOnRateLimit: (limit) => limit.retryAfter > maxWait || limit.timeToReset > maxWait,
  });
  return rest.setToken(options.token);
}
