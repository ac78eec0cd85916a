export { claimFromFigure, isSameClaim } from "./claims";
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
export { byRecency, currentClaim, latestBySource, latestOf, sourceKey } from "./recency";
export { claimSummary, claimValue, eventSummary } from "./summary";
