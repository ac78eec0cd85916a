import { type Alert, AlertJobSchema, AlertSchema } from "@zw/core";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { AlertSink, DigestTarget } from "./alert-sink";

const TargetSchema = AlertJobSchema.pick({ guildId: true, channelId: true, roleId: true, lang: true });

/**
 * Alerts of digest subscriptions, kept per channel in Redis until the daily summary. take() reads
 * a channel's list and deletes it in one transaction, so two notifiers never send the same digest.
 */
export class DigestBox {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    prefix = "zw:",
  ) {
    this.prefix = `${prefix}digest:`;
  }

  async add(target: DigestTarget, alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const channel = `${target.guildId}/${target.channelId}`;
    await this.redis
      .multi()
      .rpush(`${this.prefix}alerts:${channel}`, ...alerts.map((alert) => JSON.stringify(alert)))
      .hset(`${this.prefix}targets`, channel, JSON.stringify(TargetSchema.parse(target)))
      .exec();
  }

  /** The channels with alerts waiting, as keys for take(). */
  async channels(): Promise<string[]> {
    return this.redis.hkeys(`${this.prefix}targets`);
  }

  /** One channel's pending alerts, removed from the box; null when none wait. */
  async take(channel: string): Promise<{ target: DigestTarget; alerts: Alert[] } | null> {
    const key = `${this.prefix}alerts:${channel}`;
    const result = await this.redis
      .multi()
      .hget(`${this.prefix}targets`, channel)
      .lrange(key, 0, -1)
      .del(key)
      .hdel(`${this.prefix}targets`, channel)
      .exec();
    const json = result?.[0]?.[1] as string | null | undefined;
    const items = (result?.[1]?.[1] as string[] | undefined) ?? [];
    if (!json || items.length === 0) return null;
    const alerts = z.array(AlertSchema).parse(items.map((item) => JSON.parse(item)));
    // An alert job retried after add() but before its delivery was recorded adds its alert twice.
    const unique = [...new Map(alerts.map((alert) => [alert.id, alert])).values()];
    return { target: TargetSchema.parse(JSON.parse(json)), alerts: unique };
  }
}

/** Sends each channel's digest for `day`; a digest that cannot be delivered now waits for the next run. */
export async function sendDigests(
  box: DigestBox,
  sink: AlertSink,
  day: string,
): Promise<{ sent: number; kept: number }> {
  let sent = 0;
  let kept = 0;
  // One channel taken at a time: a crash or a throw loses at most the digest in hand, never all.
  for (const channel of await box.channels()) {
    const digest = await box.take(channel);
    if (!digest) continue;
    const { target, alerts } = digest;
    const putBack = () => box.add(target, alerts);
    const result = await sink.deliverDigest(target, alerts, day).catch(async (error: unknown) => {
      await putBack();
      throw error;
    });
    if (result.status === "sent") sent += 1;
    else if (result.status === "retry") {
      await putBack();
      kept += 1;
    }
  }
  return { sent, kept };
}
