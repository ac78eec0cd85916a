export { CONFIG_COMMANDS, commandDefinitions, registerCommands } from "./commands";
export {
  changeFeed,
  changeKeyword,
  type FeedUrlRefusal,
  type ListAction,
  subscribeChannel,
} from "./config-actions";
export {
  autocompleteChoices,
  type CommandContext,
  type CommandDeps,
  createInteractionHandler,
  type LedgerReader,
  type OptionValue,
  type Reply,
  runCommand,
} from "./handlers";
export {
  ChannelOptionsSchema,
  describeIssues,
  EstimateOptionsSchema,
  EventListOption,
  FeedOptionsSchema,
  HistoryOptionsSchema,
  KeywordOption,
  KeywordOptionsSchema,
  LanguageOptionsSchema,
  MetricListOption,
  MinChangeOption,
  QuietHoursOption,
  type SubscribeOptions,
  SubscribeOptionsSchema,
  validationMessage,
} from "./options";
export {
  alertNonce,
  CHANNEL_UNAVAILABLE_CODES,
  classifyError,
  type DigestTarget,
  deliveryNonce,
  messagePayload,
  type PostOptions,
  type PostResult,
  postAlert,
  postDigest,
  postMessage,
} from "./post-alert";
export { REPLIES, type Replies } from "./replies";
export { createDiscordRest, type DiscordRestOptions } from "./rest";
export type { FeedPreview, PreviewFeed, PreviewItem, StatusSource } from "./status";
export {
  estimateDetail,
  estimatesOverview,
  helpView,
  historyView,
  previewView,
  type StatusFacts,
  statusView,
  subscriptionsView,
} from "./views";
