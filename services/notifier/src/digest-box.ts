import { type Alert, AlertJobSchema, AlertSchema } from "@zw/core";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { AlertSink, DigestTarget } from "./alert-sink";

const TargetSchema = AlertJobSchema.pick({ guildId: true, channelId: true, roleId: true, lang: true });

/**
 * Alerts of digest subscriptions, kept per channel in Redis until the daily summary. Draining takes
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

  async add(target: DigestTarget, alert: Alert): Promise<void> {
    const channel = `${target.guildId}/${target.channelId}`;
    await this.redis
      .multi()
      .rpush(`${this.prefix}alerts:${channel}`, JSON.stringify(alert))
      .hset(`${this.prefix}targets`, channel, JSON.stringify(TargetSchema.parse(target)))
      .exec();
  }

  /** Every channel's pending alerts, removed from the box. */
  async drain(): Promise<{ target: DigestTarget; alerts: Alert[] }[]> {
    const targets = await this.redis.hgetall(`${this.prefix}targets`);
    const drained: { target: DigestTarget; alerts: Alert[] }[] = [];
    for (const [channel, json] of Object.entries(targets)) {
      const key = `${this.prefix}alerts:${channel}`;
      const result = await this.redis
        .multi()
        .lrange(key, 0, -1)
        .del(key)
        .hdel(`${this.prefix}targets`, channel)
        .exec();
      const items = (result?.[0]?.[1] as string[] | undefined) ?? [];
      if (items.length === 0) continue;
      drained.push({
        target: TargetSchema.parse(JSON.parse(json)),
        alerts: z.array(AlertSchema).parse(items.map((item) => JSON.parse(item))),
      });
    }
    return drained;
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
  for (const { target, alerts } of await box.drain()) {
    const result = await sink.deliverDigest(target, alerts, day);
    if (result.status === "sent") sent += 1;
    else if (result.status === "retry") {
      for (const alert of alerts) await box.add(target, alert);
      kept += 1;
    }
  }
  return { sent, kept };
}
