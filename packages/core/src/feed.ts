import { z } from "zod";
import { Lang } from "./figure";

export const FeedUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "feed URLs must be http or https");

export const FeedSchema = z.object({
  url: FeedUrl,
  name: z.string().max(100).nullable().default(null),
  lang: Lang.nullable().default(null),
  /** Fetch the article page for its full text (default), or extract from the feed item alone. */
  fullText: z.boolean().default(true),
  intervalMinutes: z.number().int().min(1).max(1440).nullable().default(null),
});
export type Feed = z.infer<typeof FeedSchema>;

export const FeedHealthSchema = z.object({
  url: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().min(0),
  nextPollAt: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
});
export type FeedHealth = z.infer<typeof FeedHealthSchema>;
