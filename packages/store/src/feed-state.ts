import { createHash } from "node:crypto";
import { type FeedHealth, type FeedHealthNotice, FeedHealthNoticeSchema } from "@zw/core";
import type { Redis } from "ioredis";

export interface FeedStateStoreOptions {
  /** Prefix of every key, so several deployments (or tests) can share one Redis. */
  prefix?: string;
  /** Consecutive failures after which a feed counts as failing (and a notice is due). */
  failingAfter?: number;
  /** How long a seen item (URL or content) is remembered. */
  seenTtlSeconds?: number;
}

export interface FailureOptions {
  at: Date;
  /** The feed's poll interval: the first retry waits this long, each further one twice as long. */
  intervalMinutes: number;
  maxBackoffMinutes: number;
  /** Kept as the feed's pending notice if this failure makes the feed count as failing. */
  notice?: FeedHealthNotice;
}

export interface SuccessOptions {
  at: Date;
  /** Validators for the next conditional GET; null forgets the old one. */
  etag: string | null;
  lastModified: string | null;
  /** Kept as the feed's pending notice if this success ends a failing streak. */
  notice?: FeedHealthNotice;
}

export interface FailureResult {
  health: FeedHealth;
  /**
   * True exactly once per failing streak: when this failure made the feed count as failing (false
   * when its notice cancelled a "recovered" that was never handed on).
   */
  becameFailing: boolean;
}

export interface SuccessResult {
  health: FeedHealth;
  /**
   * True when the feed counted as failing before this success (false when its notice cancelled a
   * "failing" that was never handed on).
   */
  recovered: boolean;
}

const DAY_SECONDS = 24 * 60 * 60;

// On a transition, its notice is kept until handed on. A notice still pending then is of the
// opposite transition (failing, then recovered before the queue came back): the two cancel, and
// neither is sent. Returns 1 when they cancelled.
const KEEP_NOTICE = `
local function keepNotice(transition, notice)
  if not transition or notice == '' then return 0 end
  if redis.call('HEXISTS', KEYS[1], 'pendingNotice') == 1 then
    redis.call('HDEL', KEYS[1], 'pendingNotice')
    return 1
  end
  redis.call('HSET', KEYS[1], 'pendingNotice', notice)
  return 0
end
`;

// Times are kept as epoch milliseconds so the scripts can compute with them.
const RECORD_FAILURE = `${KEEP_NOTICE}
local failures = redis.call('HINCRBY', KEYS[1], 'consecutiveFailures', 1)
local delay = tonumber(ARGV[4]) * (2 ^ (failures - 1))
if delay > tonumber(ARGV[5]) then delay = tonumber(ARGV[5]) end
redis.call('HSET', KEYS[1], 'url', ARGV[1], 'lastErrorAt', ARGV[2], 'lastError', ARGV[3],
  'nextPollAt', string.format('%.0f', tonumber(ARGV[2]) + delay))
redis.call('SADD', KEYS[2], ARGV[1])
return {failures, keepNotice(failures == tonumber(ARGV[6]), ARGV[7])}
`;

const RECORD_SUCCESS = `${KEEP_NOTICE}
local before = tonumber(redis.call('HGET', KEYS[1], 'consecutiveFailures') or '0')
redis.call('HSET', KEYS[1], 'url', ARGV[1], 'lastSuccessAt', ARGV[2], 'consecutiveFailures', 0)
redis.call('HDEL', KEYS[1], 'nextPollAt', 'etag', 'lastModified')
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'etag', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'lastModified', ARGV[4]) end
redis.call('SADD', KEYS[2], ARGV[1])
return {before, keepNotice(before >= tonumber(ARGV[5]), ARGV[6])}
`;

// Clears the pending notice only if it is still the one handed on (a newer one stays).
const CLEAR_NOTICE = `
local pending = redis.call('HGET', KEYS[1], 'pendingNotice')
if pending and cjson.decode(pending).id == ARGV[1] then redis.call('HDEL', KEYS[1], 'pendingNotice') end
return 0
`;

// New only when neither the URL nor the content was seen; both are remembered either way.
const MARK_SEEN = `
local url = redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1])
local content = redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1])
if url and content then return 1 end
return 0
`;

/**
 * Per-feed state in Redis: health (successes, failures, backoff), conditional-GET validators, and
 * the items already seen. Failure counting and the seen check are single scripts, so any number of
 * fetchers agree on them.
 */
export class FeedStateStore {
  private readonly prefix: string;
  private readonly failingAfter: number;
  private readonly seenTtlSeconds: number;

  constructor(
    private readonly redis: Redis,
    options: FeedStateStoreOptions = {},
  ) {
    this.prefix = options.prefix ?? "zw:";
    this.failingAfter = options.failingAfter ?? 3;
    this.seenTtlSeconds = options.seenTtlSeconds ?? 60 * DAY_SECONDS;
  }

  async recordFailure(url: string, reason: string, options: FailureOptions): Promise<FailureResult> {
    const [failures, cancelled] = await this.recordHealth(RECORD_FAILURE, url, options.notice, [
      options.at.getTime(),
      reason,
      options.intervalMinutes * 60_000,
      options.maxBackoffMinutes * 60_000,
    ]);
    return {
      health: await this.requireHealth(url),
      becameFailing: failures === this.failingAfter && cancelled === 0,
    };
  }

  async recordSuccess(url: string, options: SuccessOptions): Promise<SuccessResult> {
    const [before, cancelled] = await this.recordHealth(RECORD_SUCCESS, url, options.notice, [
      options.at.getTime(),
      options.etag ?? "",
      options.lastModified ?? "",
    ]);
    return {
      health: await this.requireHealth(url),
      recovered: before >= this.failingAfter && cancelled === 0,
    };
  }

  /**
   * The health notice of the feed's last transition (failing, recovered) until it was handed on:
   * written in the same script as the transition, so a notice that cannot be enqueued at that
   * moment (Redis away) is handed on at a later poll instead of being lost.
   */
  async pendingNotice(url: string): Promise<FeedHealthNotice | null> {
    return toNotice(await this.redis.hget(this.stateKey(url), "pendingNotice"));
  }

  /** The feed's health and pending notice in one read, as a poll starts. */
  async pollState(
    url: string,
  ): Promise<{ health: FeedHealth | null; pendingNotice: FeedHealthNotice | null }> {
    const fields = await this.redis.hgetall(this.stateKey(url));
    return { health: toHealth(url, fields), pendingNotice: toNotice(fields.pendingNotice ?? null) };
  }

  /** Marks the notice `id` as handed on. */
  async clearPendingNotice(url: string, id: string): Promise<void> {
    await this.redis.eval(CLEAR_NOTICE, 1, this.stateKey(url), id);
  }

  /** Whether a feed with this many consecutive failures counts as failing. */
  isFailing(health: FeedHealth): boolean {
    return health.consecutiveFailures >= this.failingAfter;
  }

  /** The feed's health, or null before its first poll. */
  async health(url: string): Promise<FeedHealth | null> {
    return toHealth(url, await this.redis.hgetall(this.stateKey(url)));
  }

  /** Every polled feed's health, by URL. */
  async allHealth(): Promise<FeedHealth[]> {
    const urls = (await this.redis.smembers(this.indexKey())).sort();
    const pipeline = this.redis.pipeline();
    for (const url of urls) pipeline.hgetall(this.stateKey(url));
    const results = (await pipeline.exec()) ?? [];
    return urls.flatMap((url, i) => {
      const health = toHealth(url, results[i]?.[1] as Record<string, string> | undefined);
      return health ? [health] : [];
    });
  }

  /** The URLs not backing off at `now`: never polled, last poll fine, or their retry time reached. */
  async dueFeeds(urls: readonly string[], now: Date): Promise<string[]> {
    if (urls.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const url of urls) pipeline.hget(this.stateKey(url), "nextPollAt");
    const results = (await pipeline.exec()) ?? [];
    return urls.filter((_, i) => {
      const next = results[i]?.[1];
      return typeof next !== "string" || Number(next) <= now.getTime();
    });
  }

  /**
   * Remembers an item by canonical URL and content hash; true when it is new (neither was seen).
   * Atomic: of several fetchers seeing the same item at once, exactly one gets true. With
   * `claimSeconds`, the memory lasts only that long unless `keepSeen` follows: a fetcher that
   * dies before handing the item on does not lose it for good.
   */
  async markSeen(canonicalUrl: string, contentHash: string, claimSeconds?: number): Promise<boolean> {
    const result = await this.redis.eval(
      MARK_SEEN,
      2,
      this.seenUrlKey(canonicalUrl),
      this.seenContentKey(contentHash),
      claimSeconds ?? this.seenTtlSeconds,
    );
    return Number(result) === 1;
  }

  /** Makes a claimed item's memory last the full time, once it was handed on. */
  async keepSeen(canonicalUrl: string, contentHash: string): Promise<void> {
    await this.redis
      .multi()
      .expire(this.seenUrlKey(canonicalUrl), this.seenTtlSeconds)
      .expire(this.seenContentKey(contentHash), this.seenTtlSeconds)
      .exec();
  }

  /** Undoes a markSeen that returned true, when the new item could not be handed on. */
  async forgetSeen(canonicalUrl: string, contentHash: string): Promise<void> {
    await this.redis.del(this.seenUrlKey(canonicalUrl), this.seenContentKey(contentHash));
  }

  /** Runs a health script: ARGV is the URL, `args`, then failingAfter and the transition's notice. */
  private async recordHealth(
    script: string,
    url: string,
    notice: FeedHealthNotice | undefined,
    args: (string | number)[],
  ): Promise<[count: number, cancelled: number]> {
    return (await this.redis.eval(
      script,
      2,
      this.stateKey(url),
      this.indexKey(),
      url,
      ...args,
      this.failingAfter,
      notice ? JSON.stringify(notice) : "",
    )) as [number, number];
  }

  private async requireHealth(url: string): Promise<FeedHealth> {
    const health = await this.health(url);
    if (!health) throw new Error(`feed state of ${url} vanished while it was written`);
    return health;
  }

  private stateKey(url: string): string {
    return `${this.prefix}feed-state:${sha1(url)}`;
  }

  private indexKey(): string {
    return `${this.prefix}feed-state:index`;
  }

  private seenUrlKey(url: string): string {
    return `${this.prefix}seen:url:${sha1(url)}`;
  }

  private seenContentKey(hash: string): string {
    return `${this.prefix}seen:content:${hash}`;
  }
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function toHealth(url: string, fields: Record<string, string> | undefined): FeedHealth | null {
  if (!fields || Object.keys(fields).length === 0) return null;
  const time = (name: string) => (fields[name] ? new Date(Number(fields[name])).toISOString() : null);
  return {
    url,
    lastSuccessAt: time("lastSuccessAt"),
    lastErrorAt: time("lastErrorAt"),
    lastError: fields.lastError ?? null,
    consecutiveFailures: Number(fields.consecutiveFailures ?? 0),
    nextPollAt: time("nextPollAt"),
    etag: fields.etag ?? null,
    lastModified: fields.lastModified ?? null,
  };
}

function toNotice(raw: string | null): FeedHealthNotice | null {
  if (raw === null) return null;
  try {
    const parsed = FeedHealthNoticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: nothing that could be handed on
  }
}
