import { type PostResult, postAlert, postDigest } from "@zw/discord";
import type { REST } from "discord.js";
import type { AlertSink, DeliveryResult } from "./alert-sink";

/** Posts through discord.js's REST client; its rate limiter and 429 handling stay in charge. */
export function discordSink(rest: REST): AlertSink {
  return {
    deliver: async (job) => deliveryOf(await postAlert(rest, job)),
    deliverDigest: async (target, alerts, day) => deliveryOf(await postDigest(rest, target, alerts, day)),
  };
}

function deliveryOf(result: PostResult): DeliveryResult {
  switch (result.kind) {
    case "ok":
      return { status: "sent" };
    case "channel_unavailable":
      return { status: "permanent", reason: `${result.reason} (${result.code})` };
    case "rejected":
      // Our message is at fault, not the channel: fail this alert, keep the subscription.
      return { status: "rejected", reason: `${result.reason} (${result.status}/${result.code})` };
    case "retryable":
      return {
        status: "retry",
        reason: result.reason,
        ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}),
      };
  }
}
