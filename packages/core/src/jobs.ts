import { z } from "zod";
import { EventSchema } from "./event";
import { FeedSchema } from "./feed";
import { Lang } from "./figure";
import { Snowflake } from "./guild";

/** Every queue between processes. Names are BullMQ queue names. */
export const QueueName = {
  poll: "zw-poll",
  article: "zw-article",
  alert: "zw-alert",
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** scheduler → fetcher: poll one feed URL for one time slot. */
export const PollJobSchema = z.object({
  feedUrl: z.string().url(),
  slot: z.string(),
  /** The feed's settings as the scheduler saw them (name, language, full text, interval). */
  feed: FeedSchema.optional(),
});
export type PollJob = z.infer<typeof PollJobSchema>;

/** fetcher → extractor: one new article that matched the watched keywords. */
export const ArticleJobSchema = z.object({
  url: z.string().url(),
  feedUrl: z.string().url(),
  title: z.string().max(2000).nullable(),
  outlet: z.string().max(200).nullable(),
  publishedAt: z.string().nullable(),
  lang: Lang.nullable(),
  /** The item's own text (content, else summary), used when the page cannot be fetched. */
  content: z.string().max(200_000).nullable(),
  fullText: z.boolean(),
});
export type ArticleJob = z.infer<typeof ArticleJobSchema>;

/** A feed's health changed in a way a subscribed channel should hear about once. */
export const FeedHealthNoticeSchema = z.object({
  type: z.enum(["feed_failing", "feed_recovered"]),
  id: z.string(),
  feedUrl: z.string(),
  reason: z.string().nullable(),
});
export type FeedHealthNotice = z.infer<typeof FeedHealthNoticeSchema>;

export const AlertSchema = z.union([EventSchema, FeedHealthNoticeSchema]);
export type Alert = z.infer<typeof AlertSchema>;

/** Where a channel's alerts go: the channel, the role to mention, the guild's language. */
export const AlertTargetSchema = z.object({
  guildId: Snowflake,
  channelId: Snowflake,
  roleId: Snowflake.nullable(),
  lang: Lang,
});
export type AlertTarget = z.infer<typeof AlertTargetSchema>;

/**
 * extractor (or fetcher, for feed health) → notifier: one message for one channel. The extractor
 * sends one job per article and channel with every event of the article the channel takes, in the
 * order the ledger judged them (the renderer puts the most important first); the fetcher one job
 * per feed-health notice.
 */
export const AlertJobSchema = AlertTargetSchema.extend({
  alerts: z.array(AlertSchema).min(1),
});
export type AlertJob = z.infer<typeof AlertJobSchema>;
