import { z } from "zod";
import { FeedSchema } from "./feed";

export const DEFAULT_KEYWORDS = [
  "Nordkorea",
  "nordkoreanisch",
  "Pjöngjang",
  "Kim Jong Un",
  "North Korea",
  "North Korean",
  "Pyongyang",
  "DPRK",
];

/** Real public feeds covering the story; each user can add more. */
export const DEFAULT_FEEDS = [
  { url: "https://www.tagesschau.de/xml/rss2/", name: "tagesschau.de", lang: "de" },
  { url: "https://www.n-tv.de/politik/rss", name: "n-tv.de Politik", lang: "de" },
  { url: "https://rss.dw.com/xml/rss-de-all", name: "DW Deutsch", lang: "de" },
  { url: "https://www.spiegel.de/ausland/index.rss", name: "Spiegel Ausland", lang: "de" },
  { url: "https://www.zdf.de/rss/zdf/nachrichten", name: "ZDFheute", lang: "de" },
  { url: "https://rss.dw.com/xml/rss-en-all", name: "DW English", lang: "en" },
  { url: "https://feeds.bbci.co.uk/news/world/rss.xml", name: "BBC World", lang: "en" },
  { url: "https://en.yna.co.kr/RSS/northkorea.xml", name: "Yonhap North Korea", lang: "en" },
  { url: "https://www.nknews.org/feed/", name: "NK News", lang: "en" },
  { url: "https://kyivindependent.com/news-archive/rss/", name: "Kyiv Independent", lang: "en" },
  { url: "https://www.pravda.com.ua/eng/rss/", name: "Ukrainska Pravda (English)", lang: "en" },
  { url: "https://www.ukrinform.net/rss/block-lastnews", name: "Ukrinform", lang: "en" },
] as const;

export const ThresholdsSchema = z.object({
  /** estimate_changed when the new value differs by at least this share of the old one. */
  changeRelative: z.number().min(0).default(0.1),
  /** Approximate values ("rund", "about") are widened by this share before overlap tests. */
  approxWiden: z.number().min(0).max(1).default(0.05),
  conflictWindowDays: z.number().int().min(1).default(30),
  estimateWindowDays: z.number().int().min(1).default(90),
  corroborationWindowDays: z.number().int().min(0).default(7),
  /** killed + wounded may differ from casualties_total by this share before it is an inconsistency. */
  sumTolerance: z.number().min(0).default(0.1),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const FetchLimitsSchema = z.object({
  connectTimeoutMs: z.number().int().min(100).default(5_000),
  totalTimeoutMs: z.number().int().min(100).default(20_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  userAgent: z.string().default("Zahlenwacht/0.1 (+https://github.com/zahlenwacht; feed monitor)"),
});
export type FetchLimits = z.infer<typeof FetchLimitsSchema>;

export const LimitsSchema = z.object({
  feedsPerGuild: z.number().int().min(0).default(25),
  keywordsPerGuild: z.number().int().min(0).default(50),
  subscriptionsPerGuild: z.number().int().min(0).default(10),
});

/** Where a server listens: an IP address or a host name (all digits and dots must be an IPv4). */
const HostSchema = z.union([z.ipv4(), z.ipv6(), z.hostname().regex(/[^\d.]/)], {
  error: "expected an IP address or a host name",
});

/** Everything configurable: environment variables and zw.config.json, validated together. */
export const ConfigSchema = z.object({
  redisUrl: z.string().url().nullable().default(null),
  /** Where the embedded redis-server keeps its data when one is started. */
  dataDir: z.string().default("data"),
  discordToken: z.string().min(1).nullable().default(null),
  discordApplicationId: z.string().nullable().default(null),
  /** Base of Discord's HTTP API, without version; tests point it at a local fake. */
  discordApiUrl: z.string().url().nullable().default(null),
  httpPort: z.number().int().min(0).max(65535).default(9464),
  /** Address of /healthz and /metrics; 0.0.0.0 (every interface) lets a container's orchestrator in. */
  httpHost: HostSchema.default("127.0.0.1"),
  logLevel: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  allowPrivateFeeds: z.boolean().default(false),
  feeds: z.array(FeedSchema).default(DEFAULT_FEEDS.map((f) => FeedSchema.parse(f))),
  keywords: z.array(z.string().min(2).max(100)).default(DEFAULT_KEYWORDS),
  pollIntervalMinutes: z.number().int().min(1).max(1440).default(5),
  schedulerCron: z.string().default("* * * * *"),
  maxBackoffMinutes: z.number().int().min(1).default(360),
  /** When digest subscriptions get their daily summary (cron, UTC). */
  digestCron: z.string().default("0 8 * * *"),
  thresholds: ThresholdsSchema.default(ThresholdsSchema.parse({})),
  fetch: FetchLimitsSchema.default(FetchLimitsSchema.parse({})),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
  concurrency: z
    .object({
      fetcher: z.number().int().min(1).default(16),
      extractor: z.number().int().min(1).default(4),
      // One keeps each channel's alerts in order; more trade that for throughput.
      notifier: z.number().int().min(1).default(1),
    })
    .default({ fetcher: 16, extractor: 4, notifier: 1 }),
  /**
   * BullMQ's job lock: a worker renews it every half lockDurationMs; a killed worker's job runs
   * again once its lock expired and a stalled check (every stalledIntervalMs) saw it.
   */
  workers: z
    .object({
      lockDurationMs: z.number().int().min(1_000).default(30_000),
      stalledIntervalMs: z.number().int().min(1_000).default(30_000),
    })
    .default({ lockDurationMs: 30_000, stalledIntervalMs: 30_000 }),
});
export type Config = z.infer<typeof ConfigSchema>;
