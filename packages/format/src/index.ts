export { ALERT_COLORS, alertEmbed, headline, quote, renderAlert, renderDigest, whoSays } from "./alert";
export {
  escapeFeedText,
  escapePlainText,
  maskedLink,
  neutralizeMentions,
  safeUrl,
  stripInvisible,
} from "./escape";
export {
  DISCORD_LIMITS,
  type Embed,
  type EmbedField,
  embedLength,
  fitMessage,
  limitViolations,
  type MessageBody,
  messageLength,
  truncate,
} from "./limits";
export { ALERT_STRINGS, type AlertStrings } from "./strings";
export {
  formatDate,
  formatNumber,
  formatPercentChange,
  formatSignedNumber,
  formatValue,
  metricLabel,
  qualifierLabel,
  sourceLabel,
} from "./values";
