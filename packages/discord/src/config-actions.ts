import { DEFAULT_EVENT_TYPES, type Feed, type Subscription } from "@zw/core";
import type { GuildStore } from "@zw/store";
import { ZodError, type z } from "zod";
import { FeedOptionsSchema, KeywordOptionsSchema, SubscribeOptionsSchema } from "./options";

/**
 * The configuration changes behind /subscribe, /watch and /feeds and their `zw` twins: validated by
 * the shared option schemas (a bad value throws a ZodError, a full guild a GuildLimitError), then
 * applied to the GuildStore.
 */

/**
 * Creates or updates a channel's subscription. Options left out keep the channel's current values
 * (or the defaults for a new one), so `/subscribe role:@news` only changes the role.
 */
export async function subscribeChannel(
  store: GuildStore,
  input: z.input<typeof SubscribeOptionsSchema>,
): Promise<{ created: boolean; subscription: Subscription }> {
  const given = SubscribeOptionsSchema.parse(input);
  const current = await store.subscription(given.guildId, given.channelId);
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const merged = {
    events: DEFAULT_EVENT_TYPES,
    ...current,
    ...defined,
    guildId: given.guildId,
    channelId: given.channelId,
  };
  const created = await store.upsertSubscription(merged);
  const subscription = await store.subscription(given.guildId, given.channelId);
  return { created, subscription: subscription! };
}

export type ListAction = "add" | "remove";

/** Adds or removes a watched keyword; returns whether anything changed and the keyword as stored. */
export async function changeKeyword(
  store: GuildStore,
  action: ListAction,
  input: z.input<typeof KeywordOptionsSchema>,
): Promise<{ changed: boolean; keyword: string }> {
  const { guildId, keyword } = KeywordOptionsSchema.parse(input);
  const changed =
    action === "add" ? await store.addKeyword(guildId, keyword) : await store.removeKeyword(guildId, keyword);
  return { changed, keyword };
}

/** Why a feed URL may not be added (it targets a private address), or null; see @zw/feeds. */
export type FeedUrlRefusal = (url: string) => Promise<string | null>;

/**
 * Adds or removes a feed of a guild (or of the operator, with GLOBAL_SCOPE). A URL `refusal`
 * objects to is not added: the reason is the url option's error, as for a malformed URL.
 */
export async function changeFeed(
  store: GuildStore,
  action: ListAction,
  scope: string,
  input: z.input<typeof FeedOptionsSchema>,
  refusal?: FeedUrlRefusal,
): Promise<{ changed: boolean; feed: Pick<Feed, "url"> }> {
  const options = FeedOptionsSchema.parse(input);
  const url = new URL(options.url).href;
  const refused = action === "add" ? await refusal?.(url) : null;
  if (refused) throw new ZodError([{ code: "custom", path: ["url"], message: refused, input: url }]);
  const changed =
    action === "add"
      ? await store.addFeed(scope, { url, name: options.name ?? null, lang: options.lang ?? null })
      : await store.removeFeed(scope, url);
  return { changed, feed: { url } };
}
