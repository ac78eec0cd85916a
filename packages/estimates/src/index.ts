export { claimFromFigure, isSameClaim, normalRegion, sameStatement } from "./claims";
export { type Consensus, consensusOf, isPartyClaim } from "./consensus";
export { dayNumber, isoDateOf } from "./dates";
export { computeEstimate, type Estimate } from "./estimate";
export { findInconsistencies, type Inconsistency } from "./inconsistency";
export {
  contains,
  type Interval,
  intervalOf,
  isOpenEnded,
  namedRange,
  overlaps,
  representative,
} from "./interval";
export { type Judgement, judgeArticle } from "./judge";
export { type ClaimsByMetric, relatedMetrics } from "./ledger-state";
export {
  type ClaimGroup,
  type ClaimLookup,
  type DateRange,
  groupsOf,
  judgeWithLookups,
  type LookupStep,
  lookupKey,
} from "./lookups";
export { eventClaims, isHistory } from "./news-value";
export {
  byRecency,
  currentClaim,
  isCurrentReport,
  latestBySeries,
  latestBySource,
  latestOf,
  seriesKey,
  sourceKey,
} from "./recency";
export { claimSummary, claimValue, eventSummary } from "./summary";
