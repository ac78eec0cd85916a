import { z } from "zod";
import { EVENT_TYPES } from "./event";
import { Lang, MetricIdSchema } from "./figure";

export const Snowflake = z.string().regex(/^\d{17,20}$/, "expected a Discord id (17 to 20 digits)");

/** A channel's subscription to events; guild-scoped. */
export const SubscriptionSchema = z.object({
  guildId: Snowflake,
  channelId: Snowflake,
  /** Empty means every metric. */
  metrics: z.array(MetricIdSchema).default([]),
  events: z.array(z.enum(EVENT_TYPES)).min(1),
  /** Minimum relative change (0.1 = 10 %) worth an estimate_changed alert. */
  minChange: z.number().min(0).max(10).default(0.1),
  roleId: Snowflake.nullable().default(null),
  digest: z.boolean().default(false),
  /** Quiet hours in UTC, [from, to) in whole hours; alerts wait until they end. */
  quietHours: z
    .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(0).max(23) })
    .nullable()
    .default(null),
  /** Set when delivery failed permanently (unknown channel, missing access). */
  pausedReason: z.string().nullable().default(null),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const GuildSettingsSchema = z.object({
  /** The language the server chose (/settings language). */
  lang: Lang.nullable().default(null),
  /** The server's Discord locale as the bot last saw it: alerts use it while `lang` is null. */
  detectedLang: Lang.nullable().default(null),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;
