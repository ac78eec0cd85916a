import type { Claim } from "@zw/core";
import { type ClaimGroup, type ClaimLookup, groupsOf } from "@zw/estimates";

/*
 * The lookup index of a metric: one sorted set, every score 0, so members sort by their bytes.
 * A claim has a member `<group>|<date>|<arrival>|<id>` in each group it belongs to (`groupsOf`),
 * so within a group members sort by date, then arrival: the judgement's recency. A lookup is then
 * a ZRANGEBYLEX of a group's dates: its first or last member, the one of least arrival, or all.
 * Names (sources, regions, URLs) are JSON, URI-encoded, so `|` only separates; dates are YYYY-MM-DD
 * (undated: empty, which sorts after every date); arrival numbers have a fixed width.
 */

const ARRIVAL_DIGITS = 12;

function groupName(group: ClaimGroup): string {
  // JSON first: it escapes what URI encoding cannot take (lone surrogates) and tells null apart.
  const name = (...parts: (string | null)[]) =>
    parts.map((p) => encodeURIComponent(JSON.stringify(p))).join("|");
  switch (group.by) {
    case "reported":
    case "odd-date":
      return group.by;
    case "source":
      return `source|${name(group.source)}`;
    case "region":
      return `region|${name(group.source, group.region)}`;
    case "article":
      return `article|${name(group.url)}`;
    case "reprint":
      return `reprint|${name(group.figure)}`;
  }
}

/** The members of a claim, `seq` its place in its metric's arrival order. */
export function indexMembers(claim: Claim, seq: number): string[] {
  const arrival = String(seq).padStart(ARRIVAL_DIGITS, "0");
  return groupsOf(claim).map((group) => `${groupName(group)}|${claim.date ?? ""}|${arrival}|${claim.id}`);
}

/**
 * ZRANGEBYLEX bounds of a lookup. After a date's prefix `<group>|<date>|` come digits, so `~`
 * closes a date; `:` (after the digits of any date, before the `|` of undated) closes all dates.
 */
export function lexRange(lookup: ClaimLookup): { min: string; max: string } {
  const group = `${groupName(lookup.group)}|`;
  const { dates } = lookup;
  if (dates === "undated") return { min: `[${group}|`, max: `[${group}|~` };
  const min =
    dates.after !== undefined
      ? `(${group}${dates.after}|~`
      : dates.from !== undefined
        ? `[${group}${dates.from}`
        : `[${group}`;
  const max =
    dates.before !== undefined
      ? `(${group}${dates.before}`
      : dates.to !== undefined
        ? `[${group}${dates.to}|~`
        : `[${group}:`;
  return { min, max };
}

/**
 * The ledger's read, atomic: with `metrics`, each one's version, the version its index was built
 * at and its claim count, and the records of its latest claims per source; the records of the
 * claims `ids`; the records `lookups` find. With `expect`, nothing but 'stale' when a version moved.
 */
export const READ_SCRIPT = `
local request = cjson.decode(ARGV[1])
for metric, expected in pairs(request.expect) do
  if tonumber(redis.call('HGET', request.versionsKey, metric) or '0') ~= expected then return {'stale'} end
end
local metrics, records = {}, {}
for _, m in ipairs(request.metrics) do
  metrics[#metrics + 1] = redis.call('HGET', request.versionsKey, m.metric) or '0'
  metrics[#metrics + 1] = redis.call('HGET', request.indexedKey, m.metric) or '0'
  metrics[#metrics + 1] = redis.call('HLEN', m.claimsKey)
  for _, id in ipairs(redis.call('HVALS', m.latestKey)) do
    records[#records + 1] = redis.call('HGET', m.claimsKey, id)
  end
end
for _, claim in ipairs(request.ids) do
  records[#records + 1] = redis.call('HGET', claim.claimsKey, claim.id)
end
for _, lookup in ipairs(request.lookups) do
  local members
  if lookup.take == 'latest' then
    members = redis.call('ZREVRANGEBYLEX', lookup.indexKey, lookup.max, lookup.min, 'LIMIT', 0, 1)
  elseif lookup.take == 'earliest' then
    members = redis.call('ZRANGEBYLEX', lookup.indexKey, lookup.min, lookup.max, 'LIMIT', 0, 1)
  else
    members = redis.call('ZRANGEBYLEX', lookup.indexKey, lookup.min, lookup.max)
  end
  if lookup.take == 'first-arrival' and #members > 1 then
    -- The least arrival number (fixed width: text order is number order).
    local first, arrival = members[1], string.match(members[1], '|(%d+)|[^|]*$')
    for _, member in ipairs(members) do
      local a = string.match(member, '|(%d+)|[^|]*$')
      if a < arrival then first, arrival = member, a end
    end
    members = {first}
  end
  for _, member in ipairs(members) do
    records[#records + 1] = redis.call('HGET', lookup.claimsKey, string.match(member, '[^|]*$'))
  end
end
return {'ok', metrics, records}
`;

export interface ReadRequest {
  versionsKey: string;
  indexedKey: string;
  expect: Record<string, number>;
  metrics: { metric: string; claimsKey: string; latestKey: string }[];
  ids: { claimsKey: string; id: string }[];
  lookups: { claimsKey: string; indexKey: string; take: ClaimLookup["take"]; min: string; max: string }[];
}

/** ['stale'], or ['ok', [version, indexed version, count] per metric, records (null: missing)]. */
export type ReadReply = ["stale"] | ["ok", (string | number)[], (string | null)[]];

/**
 * Rebuilds a metric's lookup index and latest index from its claims (a ledger written before the
 * index, in an older format, or by an older writer), if its version is still the one the claims
 * were read at; records it as built then.
 */
export const REINDEX_SCRIPT = `
local request = cjson.decode(ARGV[1])
if (redis.call('HGET', request.versionsKey, request.metric) or '0') ~= request.version then return 'stale' end
redis.call('DEL', request.indexKey)
for first = 1, #request.members, 500 do
  local args = {}
  for i = first, math.min(first + 499, #request.members) do
    args[#args + 1] = 0
    args[#args + 1] = request.members[i]
  end
  redis.call('ZADD', request.indexKey, unpack(args))
end
redis.call('DEL', request.latestKey)
if #request.latest > 0 then redis.call('HSET', request.latestKey, unpack(request.latest)) end
redis.call('HSET', request.indexedKey, request.metric, request.version)
return 'indexed'
`;
