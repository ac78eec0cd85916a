/**
 * The ledger's one write: optimistic concurrency in a single Lua script. The writer read each
 * metric's version with its claims, judged in TypeScript, and sends the outcome here; the script
 * applies it only if no version moved since (else the writer re-reads and judges again), and only
 * if the article is not already recorded with the same content hash. Being one script, it is atomic:
 * two extractors cannot both write on the same state, so no update is lost and no event doubles;
 * and a metric's claims, latest-per-source index and lookup index never disagree.
 */
export interface CommitPlan {
  url: string;
  contentHash: string;
  /** The events to remember for this article (JSON), replayed to a retried job. */
  events: string;
  /** The version each metric read had; every one must still hold. */
  expect: Record<string, number>;
  writes: MetricWrite[];
}

export interface MetricWrite {
  metric: string;
  claimsKey: string;
  byDateKey: string;
  latestKey: string;
  indexKey: string;
  /** New or corroborated claims: id, stored record (JSON), score in the by-date index, lookup index members. */
  claims: { id: string; record: string; score: number; index: string[] }[];
  /** The latest-per-source index rewritten whole: field, claim id, field, claim id... */
  latest: string[];
}

export type CommitOutcome = "committed" | "duplicate" | "stale";

export const COMMIT_SCRIPT = `
local plan = cjson.decode(ARGV[1])
if redis.call('HGET', KEYS[2], plan.url) == plan.contentHash then return 'duplicate' end
for metric, expected in pairs(plan.expect) do
  if tonumber(redis.call('HGET', KEYS[1], metric) or '0') ~= expected then return 'stale' end
end
for _, write in ipairs(plan.writes) do
  local members = {}
  for _, claim in ipairs(write.claims) do
    redis.call('HSET', write.claimsKey, claim.id, claim.record)
    redis.call('ZADD', write.byDateKey, claim.score, claim.id)
    for _, member in ipairs(claim.index) do
      members[#members + 1] = 0
      members[#members + 1] = member
    end
  end
  if #members > 0 then redis.call('ZADD', write.indexKey, unpack(members)) end
  redis.call('DEL', write.latestKey)
  if #write.latest > 0 then redis.call('HSET', write.latestKey, unpack(write.latest)) end
  -- The index is up to date at the new version (an older writer would leave it behind: rebuilt).
  redis.call('HSET', KEYS[4], write.metric, redis.call('HINCRBY', KEYS[1], write.metric, 1))
end
redis.call('HSET', KEYS[2], plan.url, plan.contentHash)
redis.call('HSET', KEYS[3], plan.url, plan.events)
return 'committed'
`;
