import type { AlertJob } from "@zw/core";

/** What delivering one alert came to. Permanent failures pause the subscription; the rest retry. */
export type DeliveryResult =
  | { status: "sent" }
  | { status: "permanent"; reason: string }
  | { status: "retry"; reason: string; retryAfterMs?: number };

/** Where alerts go: Discord through discord.js's REST client, or the console. */
export interface AlertSink {
  /** `nonce` is the same for every attempt of one alert, so the sink can refuse a double post. */
  deliver(job: AlertJob, nonce: string): Promise<DeliveryResult>;
}
