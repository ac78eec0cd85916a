import { createHash } from "node:crypto";
import type { AlertJob } from "@zw/core";
import { limitViolations, type MessageBody, renderDigest, renderMessage } from "@zw/format";
import { DiscordAPIError, RateLimitError, type REST, Routes } from "discord.js";

/** Discord error codes after which a channel cannot be posted to until someone fixes it. */
export const CHANNEL_UNAVAILABLE_CODES: ReadonlyMap<number, string> = new Map([
  [10003, "Unknown Channel"],
  [10004, "Unknown Guild"],
  [50001, "Missing Access"],
  [50013, "Missing Permissions"],
]);

export type PostResult =
  | { kind: "ok"; messageId: string }
  /** The channel is gone or closed to the bot: pause the subscription, do not retry. */
  | { kind: "channel_unavailable"; code: number; reason: string }
  /** Discord refused this message for good (a bug on our side): do not retry, log it. */
  | { kind: "rejected"; status: number; code: number | string; reason: string }
  /** Worth another try later (5xx, network, a rate limit longer than we wait). */
  | { kind: "retryable"; reason: string; retryAfterMs: number | null };

export interface PostOptions {
  /** Role to mention in the message content; the only mention the message may parse. */
  roleId?: string | null;
  /** Same job, same nonce: Discord then returns the first message instead of posting again. */
  nonce: string;
}

/** A nonce of at most 25 characters derived from what the post is, so a retried job reuses it. */
export function deliveryNonce(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 25);
}

export function alertNonce(job: AlertJob): string {
  return deliveryNonce(...job.alerts.map((a) => a.id), job.guildId, job.channelId);
}

/** The JSON body of a channel message: the rendered body plus mention control and the nonce. */
export function messagePayload(body: MessageBody, options: PostOptions) {
  const roleId = options.roleId ?? null;
  return {
    ...(roleId ? { content: `<@&${roleId}>` } : body.content !== undefined ? { content: body.content } : {}),
    embeds: body.embeds,
    // Nothing is parsed from the text; only the subscription's own role may be mentioned.
    allowed_mentions: { parse: [], roles: roleId ? [roleId] : [] },
    nonce: options.nonce,
    enforce_nonce: true,
  };
}

/** Posts a message body to a channel and says what happened; never throws. */
export async function postMessage(
  rest: REST,
  channelId: string,
  body: MessageBody,
  options: PostOptions,
): Promise<PostResult> {
  const payload = messagePayload(body, options);
  const violations = limitViolations(payload);
  if (violations.length > 0) {
    return {
      kind: "rejected",
      status: 0,
      code: 0,
      reason: `message over Discord's limits: ${violations.join("; ")}`,
    };
  }
  try {
    const message = (await rest.post(Routes.channelMessages(channelId), { body: payload })) as { id: string };
    return { kind: "ok", messageId: message.id };
  } catch (error) {
    return classifyError(error);
  }
}

/** Renders one alert job (an article's alerts) as one message to its channel, mentioning the subscription's role if set. */
export function postAlert(rest: REST, job: AlertJob): Promise<PostResult> {
  return postMessage(rest, job.channelId, renderMessage(job.alerts, job.lang), {
    roleId: job.roleId,
    nonce: alertNonce(job),
  });
}

export function classifyError(error: unknown): PostResult {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : Number.NaN;
    const known = CHANNEL_UNAVAILABLE_CODES.get(code);
    if (known) return { kind: "channel_unavailable", code, reason: known };
    if (error.status === 429 || error.status >= 500) {
      return { kind: "retryable", reason: `HTTP ${error.status}: ${error.message}`, retryAfterMs: null };
    }
    return { kind: "rejected", status: error.status, code: error.code, reason: error.message };
  }
  if (error instanceof RateLimitError) {
    return { kind: "retryable", reason: `rate limited on ${error.route}`, retryAfterMs: error.retryAfter };
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: "retryable", reason, retryAfterMs: null };
}

export interface DigestTarget {
  guildId: string;
  channelId: string;
  roleId: string | null;
  lang: AlertJob["lang"];
}

/** Posts several alerts as one digest message; the nonce follows the set of alerts it carries. */
export function postDigest(
  rest: REST,
  target: DigestTarget,
  alerts: AlertJob["alerts"],
  day: string | null = null,
): Promise<PostResult> {
  const nonce = deliveryNonce("digest", target.channelId, day ?? "", ...alerts.map((a) => a.id));
  return postMessage(rest, target.channelId, renderDigest(alerts, target.lang, day), {
    roleId: target.roleId,
    nonce,
  });
}
