import type { Redis } from "ioredis";

export interface DeliveryLogOptions {
  prefix?: string;
  /** How long a delivery is remembered; longer than any alert job is kept or retried. */
  ttlSeconds?: number;
}

/**
 * What the notifier delivered: one record per alert job id, so a retried or re-enqueued job never
 * posts twice, and the time of the last alert, for /status and `zw status`.
 */
export class DeliveryLog {
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    options: DeliveryLogOptions = {},
  ) {
    this.prefix = `${options.prefix ?? "zw:"}delivery:`;
    this.ttlSeconds = options.ttlSeconds ?? 30 * 24 * 60 * 60;
  }

  async wasDelivered(jobId: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}sent:${jobId}`)) === 1;
  }

  /** `how` says where it went: "posted", or "digest" when it waits for the daily summary. */
  async recordDelivery(jobId: string, how: "posted" | "digest", at: Date): Promise<void> {
    const multi = this.redis
      .multi()
      .set(`${this.prefix}sent:${jobId}`, `${how} ${at.toISOString()}`, "EX", this.ttlSeconds);
    if (how === "posted") multi.set(`${this.prefix}last`, at.toISOString());
    await multi.exec();
  }

  async lastDeliveryAt(): Promise<string | null> {
    return this.redis.get(`${this.prefix}last`);
  }
}
