import type { Alert, AlertJob } from "@zw/core";

/** What delivering one alert came to. */
export type DeliveryResult =
  | { status: "sent" }
  /** The channel is gone or closed to the bot: pause the subscription. */
  | { status: "permanent"; reason: string }
  /** This message was refused for good: fail it, keep the subscription. */
  | { status: "rejected"; reason: string }
  /** Try again later: Discord down, rate-limited or unreachable. */
  | { status: "retry"; reason: string; retryAfterMs?: number };

export type DigestTarget = Pick<AlertJob, "guildId" | "channelId" | "roleId" | "lang">;

/** Where alerts go: Discord through discord.js's REST client, or the console. */
export interface AlertSink {
  /** A sink that can post twice (Discord) derives a nonce from the job, the same on every attempt. */
  deliver(job: AlertJob): Promise<DeliveryResult>;
  /** Several alerts of one day as one message. */
  deliverDigest(target: DigestTarget, alerts: Alert[], day: string): Promise<DeliveryResult>;
}
