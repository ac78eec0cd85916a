export {
  ALERT_COLORS,
  alertEmbed,
  byImportance,
  headline,
  quote,
  renderAlert,
  renderDigest,
  renderMessage,
  whoSays,
} from "./alert";
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
export { plainText, unmarkdown } from "./plain-text";
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
