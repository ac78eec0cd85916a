import {
  type Alert,
  type AlertTarget,
  type Event,
  type Feed,
  FeedSchema,
  type GuildSettings,
  GuildSettingsSchema,
  type Lang,
  LimitsSchema,
  type Subscription,
  SubscriptionSchema,
} from "@zw/core";
import type { Redis } from "ioredis";
import type { z } from "zod";

export type Limits = z.infer<typeof LimitsSchema>;

/**
 * The scope of the operator's own feeds (`zw feeds add` without --guild). Not a snowflake, so no
 * guild can ever reach it through a slash command.
 */
export const GLOBAL_SCOPE = "global";

/** The language of alerts and replies for a guild that chose none. */
export const DEFAULT_LANG: Lang = "en";

export type LimitKind = keyof Limits;

/** A guild reached one of its limits; the message is for the person who hit it. */
export class GuildLimitError extends Error {
  override name = "GuildLimitError";
  constructor(
    readonly kind: LimitKind,
    readonly limit: number,
  ) {
    super(`limit reached: at most ${limit} ${kind.replace("PerGuild", "")} per guild`);
  }
}

export interface GuildStoreOptions {
  /** Prefix of every key, so several deployments (or tests) can share one Redis. */
  prefix?: string;
  limits?: Partial<Limits>;
}

/**
 * Adds a field to a per-scope hash under a limit (ARGV[3], -1 for none), keeping the indexes that
 * list scopes and items; an existing field is replaced only when ARGV[5] is "1".
 */
const ADD_SCRIPT = `
local existed = redis.call('HEXISTS', KEYS[1], ARGV[1])
if existed == 0 and tonumber(ARGV[3]) >= 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return -1
end
if existed == 0 or ARGV[5] == '1' then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('SADD', KEYS[2], ARGV[4])
if #KEYS >= 4 then
  redis.call('SADD', KEYS[3], ARGV[4])
  redis.call('SADD', KEYS[4], ARGV[1])
end
return 1 - existed
`;

/** Removes a field, dropping the scope from the index when its hash empties (and the item when unreferenced). */
const REMOVE_SCRIPT = `
local removed = redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
if #KEYS >= 4 then
  redis.call('SREM', KEYS[3], ARGV[2])
  if redis.call('SCARD', KEYS[3]) == 0 then redis.call('SREM', KEYS[4], ARGV[1]) end
end
return removed
`;

/** Sets a field of KEYS[2] only while KEYS[1] has it: a pause never outlives its subscription. */
const SET_IF_EXISTS_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`;

/** Merges the JSON object ARGV[1] into the JSON settings at KEYS[1]: two changes never undo each other. */
const MERGE_SETTINGS_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
local settings = raw and cjson.decode(raw) or {}
for field, value in pairs(cjson.decode(ARGV[1])) do settings[field] = value end
redis.call('SET', KEYS[1], cjson.encode(settings))
`;

/** The language of a guild's alerts: its choice, else its Discord locale's, else DEFAULT_LANG. */
export function languageOf(settings: GuildSettings): Lang {
  return settings.lang ?? settings.detectedLang ?? DEFAULT_LANG;
}

/** Whether a subscription wants an event: not paused, the event type, the metric, and a large enough change. */
export function subscriptionWants(subscription: Subscription, event: Event): boolean {
  if (subscription.pausedReason !== null) return false;
  if (!subscription.events.includes(event.type)) return false;
  if (subscription.metrics.length > 0 && !subscription.metrics.includes(event.metric)) return false;
  if (event.type === "estimate_changed" && event.change.relative !== null) {
    return Math.abs(event.change.relative) >= subscription.minChange;
  }
  return true;
}

/** One spelling per keyword: trimmed, inner whitespace collapsed; compared without case. */
function normalizeKeyword(keyword: string): string {
  return keyword.trim().replace(/\s+/g, " ");
}

/** One key per feed: the URL as the WHATWG parser writes it (lower-case host, path at least "/"). */
function normalizeFeedUrl(url: string): string {
  return new URL(url).href;
}

/**
 * Per-guild configuration in Redis: watched keywords, channel subscriptions, settings and feeds.
 * Every key is under the guild's id, so no guild can read or change another's; the cross-guild
 * indexes (`allKeywords`, `allFeedUrls`, `subscriptionsForEvent`) are read-only unions for the
 * pipeline. Limits are checked inside Redis (Lua), so two concurrent adds cannot pass one limit.
 */
export class GuildStore {
  readonly limits: Limits;
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    options: GuildStoreOptions = {},
  ) {
    this.prefix = options.prefix ?? "zw:";
    this.limits = LimitsSchema.parse(options.limits ?? {});
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  /** 1 when added, 0 when it was there already, -1 when the limit stopped it. */
  private async add(
    keys: string[],
    field: string,
    value: string,
    limit: number,
    scope: string,
    replace = true,
  ) {
    const args = [field, value, limit, scope, replace ? "1" : "0"];
    return Number(await this.redis.eval(ADD_SCRIPT, keys.length, ...keys, ...args));
  }

  // Keywords

  /** Adds a watched keyword; false when the guild already watches it (in any case). */
  async addKeyword(guildId: string, keyword: string): Promise<boolean> {
    const display = normalizeKeyword(keyword);
    const keys = [this.key("guild", guildId, "keywords"), this.key("keywords", "scopes")];
    const limit = this.limits.keywordsPerGuild;
    const result = await this.add(keys, display.toLowerCase(), display, limit, guildId, false);
    if (result < 0) throw new GuildLimitError("keywordsPerGuild", this.limits.keywordsPerGuild);
    return result === 1;
  }

  async removeKeyword(guildId: string, keyword: string): Promise<boolean> {
    const keys = [this.key("guild", guildId, "keywords"), this.key("keywords", "scopes")];
    const field = normalizeKeyword(keyword).toLowerCase();
    return Number(await this.redis.eval(REMOVE_SCRIPT, keys.length, ...keys, field, guildId)) === 1;
  }

  async keywords(guildId: string): Promise<string[]> {
    const values = await this.redis.hvals(this.key("guild", guildId, "keywords"));
    return values.sort((a, b) => a.localeCompare(b));
  }

  /** Every keyword any guild watches, once each (first spelling wins), for the feed filter. */
  async allKeywords(): Promise<string[]> {
    const scopes = await this.redis.smembers(this.key("keywords", "scopes"));
    const byLower = new Map<string, string>();
    for (const scope of scopes.sort()) {
      for (const keyword of await this.keywords(scope)) {
        if (!byLower.has(keyword.toLowerCase())) byLower.set(keyword.toLowerCase(), keyword);
      }
    }
    return [...byLower.values()];
  }

  // Subscriptions

  /**
   * Creates or replaces the subscription of one channel; re-subscribing clears a pause.
   * Returns whether it is new.
   */
  async upsertSubscription(input: z.input<typeof SubscriptionSchema>): Promise<boolean> {
    const subscription = SubscriptionSchema.parse({ ...input, pausedReason: null });
    const { guildId, channelId } = subscription;
    const keys = [this.key("guild", guildId, "subs"), this.key("subs", "scopes")];
    const limit = this.limits.subscriptionsPerGuild;
    const result = await this.add(keys, channelId, JSON.stringify(subscription), limit, guildId);
    if (result < 0) throw new GuildLimitError("subscriptionsPerGuild", limit);
    await this.redis.hdel(this.key("guild", guildId, "paused"), channelId);
    return result === 1;
  }

  async removeSubscription(guildId: string, channelId: string): Promise<boolean> {
    const keys = [this.key("guild", guildId, "subs"), this.key("subs", "scopes")];
    const removed = Number(await this.redis.eval(REMOVE_SCRIPT, keys.length, ...keys, channelId, guildId));
    await this.redis.hdel(this.key("guild", guildId, "paused"), channelId);
    return removed === 1;
  }

  async subscription(guildId: string, channelId: string): Promise<Subscription | null> {
    const [raw, paused] = await Promise.all([
      this.redis.hget(this.key("guild", guildId, "subs"), channelId),
      this.redis.hget(this.key("guild", guildId, "paused"), channelId),
    ]);
    return raw === null ? null : SubscriptionSchema.parse({ ...JSON.parse(raw), pausedReason: paused });
  }

  async subscriptions(guildId: string): Promise<Subscription[]> {
    const [raw, paused] = await Promise.all([
      this.redis.hgetall(this.key("guild", guildId, "subs")),
      this.redis.hgetall(this.key("guild", guildId, "paused")),
    ]);
    return Object.entries(raw)
      .map(([channelId, json]) =>
        SubscriptionSchema.parse({ ...JSON.parse(json), pausedReason: paused[channelId] ?? null }),
      )
      .sort((a, b) => a.channelId.localeCompare(b.channelId));
  }

  /**
   * Stops delivery to a channel that cannot be posted to (deleted, no access); false if the
   * subscription is gone. Kept apart from the subscription itself, so a pause never overwrites a
   * change made at the same moment; subscribing again clears it.
   */
  async pauseSubscription(guildId: string, channelId: string, reason: string): Promise<boolean> {
    const keys = [this.key("guild", guildId, "subs"), this.key("guild", guildId, "paused")];
    return Number(await this.redis.eval(SET_IF_EXISTS_SCRIPT, 2, ...keys, channelId, reason)) === 1;
  }

  private async allSubscriptions(): Promise<Subscription[]> {
    const scopes = await this.redis.smembers(this.key("subs", "scopes"));
    const lists = await Promise.all(scopes.sort().map((g) => this.subscriptions(g)));
    return lists.flat();
  }

  /** Every subscription, across guilds, that wants this event. */
  async subscriptionsForEvent(event: Event): Promise<Subscription[]> {
    return (await this.allSubscriptions()).filter((s) => subscriptionWants(s, event));
  }

  /** Every active subscription of the guilds that added this feed: they hear when it fails or recovers. */
  async subscriptionsForFeed(feedUrl: string): Promise<Subscription[]> {
    const guilds = new Set(await this.guildsForFeed(feedUrl));
    return (await this.allSubscriptions()).filter((s) => guilds.has(s.guildId) && s.pausedReason === null);
  }

  /** Who takes one alert: each subscribed channel, with its role and the guild's language. */
  async alertTargets(alert: Alert): Promise<AlertTarget[]> {
    const targets =
      "feedUrl" in alert
        ? await this.subscriptionsForFeed(alert.feedUrl)
        : await this.subscriptionsForEvent(alert);
    // One settings read per guild, not per subscribed channel.
    const guildIds = [...new Set(targets.map((s) => s.guildId))];
    const langs = new Map(
      await Promise.all(guildIds.map(async (id) => [id, languageOf(await this.settings(id))] as const)),
    );
    return targets.map((s) => ({
      guildId: s.guildId,
      channelId: s.channelId,
      roleId: s.roleId,
      lang: langs.get(s.guildId) ?? DEFAULT_LANG,
    }));
  }

  // Settings

  async settings(guildId: string): Promise<GuildSettings> {
    const raw = await this.redis.get(this.key("guild", guildId, "settings"));
    return GuildSettingsSchema.parse(raw === null ? {} : JSON.parse(raw));
  }

  async setLanguage(guildId: string, lang: Lang | null): Promise<void> {
    await this.updateSettings(guildId, { lang });
  }

  /** Records the language of the server's Discord locale, for alerts while it chose none. */
  async noteDetectedLanguage(guildId: string, detectedLang: Lang): Promise<void> {
    await this.updateSettings(guildId, { detectedLang });
  }

  private async updateSettings(guildId: string, change: Partial<GuildSettings>): Promise<void> {
    const key = this.key("guild", guildId, "settings");
    await this.redis.eval(MERGE_SETTINGS_SCRIPT, 1, key, JSON.stringify(change));
  }

  // Feeds

  private feedKeys(scope: string, url: string): string[] {
    return [
      this.key("guild", scope, "feeds"),
      this.key("feeds", "scopes"),
      this.key("feed", url, "scopes"),
      this.key("feeds", "all"),
    ];
  }

  /**
   * Adds (or updates) a feed of a guild, or of the operator with GLOBAL_SCOPE (no limit there).
   * Returns whether it is new to this scope. A URL added by many guilds is fetched once.
   */
  async addFeed(scope: string, input: z.input<typeof FeedSchema>): Promise<boolean> {
    const feed = FeedSchema.parse({ ...input, url: normalizeFeedUrl(input.url) });
    const limit = scope === GLOBAL_SCOPE ? -1 : this.limits.feedsPerGuild;
    const result = await this.add(
      this.feedKeys(scope, feed.url),
      feed.url,
      JSON.stringify(feed),
      limit,
      scope,
    );
    if (result < 0) throw new GuildLimitError("feedsPerGuild", this.limits.feedsPerGuild);
    return result === 1;
  }

  async removeFeed(scope: string, url: string): Promise<boolean> {
    const normalized = normalizeFeedUrl(url);
    const keys = this.feedKeys(scope, normalized);
    return Number(await this.redis.eval(REMOVE_SCRIPT, keys.length, ...keys, normalized, scope)) === 1;
  }

  async feeds(scope: string): Promise<Feed[]> {
    const raw = await this.redis.hvals(this.key("guild", scope, "feeds"));
    return raw.map((r) => FeedSchema.parse(JSON.parse(r))).sort((a, b) => a.url.localeCompare(b.url));
  }

  /** Every feed URL any guild or the operator added, once each. */
  async allFeedUrls(): Promise<string[]> {
    return (await this.redis.smembers(this.key("feeds", "all"))).sort();
  }

  /** Every feed once: the operator's settings for a URL win, else the first guild's. */
  async allFeeds(): Promise<Feed[]> {
    const feeds = new Map<string, Feed>();
    const scopes = (await this.redis.smembers(this.key("feeds", "scopes"))).sort();
    const ordered = [GLOBAL_SCOPE, ...scopes.filter((s) => s !== GLOBAL_SCOPE)];
    for (const scope of ordered) {
      for (const feed of await this.feeds(scope)) if (!feeds.has(feed.url)) feeds.set(feed.url, feed);
    }
    return [...feeds.values()].sort((a, b) => a.url.localeCompare(b.url));
  }

  /** The scopes (guild ids, or GLOBAL_SCOPE) that added a feed. */
  async guildsForFeed(url: string): Promise<string[]> {
    return (await this.redis.smembers(this.key("feed", normalizeFeedUrl(url), "scopes"))).sort();
  }
}
