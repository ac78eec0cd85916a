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
export { createDiscordRest, type DiscordRestOptions } from "./rest";
