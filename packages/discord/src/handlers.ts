import { type Claim, EVENT_TYPES, type Lang, METRICS, type MetricId } from "@zw/core";
import type { Estimate } from "@zw/estimates";
import { escapeFeedText, fitMessage, type MessageBody, truncate } from "@zw/format";
import { GLOBAL_SCOPE, GuildLimitError, type GuildStore } from "@zw/store";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { ZodError } from "zod";
import { CONFIG_COMMANDS } from "./commands";
import { changeFeed, changeKeyword, type FeedUrlRefusal, subscribeChannel } from "./config-actions";
import {
  ChannelOptionsSchema,
  describeIssues,
  EstimateOptionsSchema,
  FeedOptionsSchema,
  HistoryOptionsSchema,
  LanguageOptionsSchema,
} from "./options";
import { REPLIES, type Replies } from "./replies";
import type { PreviewFeed, StatusSource } from "./status";
import {
  estimateDetail,
  estimatesOverview,
  helpView,
  historyView,
  previewView,
  statusView,
  subscriptionsView,
} from "./views";

/** The ledger reads /estimate and /history need; ClaimLedger (@zw/store) provides them. */
export interface LedgerReader {
  estimates(): Promise<Estimate[]>;
  estimate(metric: MetricId): Promise<Estimate>;
  history(metric: MetricId, options: { sinceDays?: number }): Promise<Claim[]>;
}

export interface CommandDeps {
  store: GuildStore;
  ledger: LedgerReader | null;
  status: StatusSource;
  previewFeed: PreviewFeed | null;
  /** Refuses /feeds add of URLs on private addresses (absent when the operator allows them). */
  feedUrlRefusal?: FeedUrlRefusal;
  /** The operator's configured feeds (config.feeds), which /status reports beside the guild's own. */
  defaultFeedUrls?: string[];
  /** Share by which approximate values are widened when /estimate looks for open conflicts. */
  approxWiden?: number;
  /** Told about every error a command hit (the user gets a short apology instead). */
  onError?: (error: unknown, context: { command: string; guildId: string | null }) => void;
}

export type OptionValue = string | number | boolean | null;

/** One slash command invocation, apart from discord.js, so the logic reads plainly. */
export interface CommandContext {
  guildId: string;
  channelId: string;
  canManage: boolean;
  lang: Lang;
  command: string;
  subcommand: string | null;
  option(name: string): OptionValue;
  /** Permissions the bot lacks to post alerts in a channel; null when it cannot tell. */
  botMissing?(channelId: string): string[] | null;
  /** Whether a channel belongs to this guild; null when it cannot tell. */
  inGuild?(channelId: string): boolean | null;
}

export interface Reply extends MessageBody {
  ephemeral: boolean;
}

/** Slash option names for the schema keys they fill, so errors name what the user typed. */
const OPTION_NAMES: Record<string, string> = {
  channelId: "channel",
  minChange: "min_change",
  roleId: "role",
  quietHours: "quiet_hours",
  lang: "value",
};

const LIMIT_WORDS: Record<Lang, Record<string, string>> = {
  de: { keywordsPerGuild: "Stichwörter", feedsPerGuild: "Feeds", subscriptionsPerGuild: "Abos" },
  en: { keywordsPerGuild: "keywords", feedsPerGuild: "feeds", subscriptionsPerGuild: "subscriptions" },
};

function text(content: string, ephemeral: boolean): Reply {
  return { content: truncate(content, 2000), embeds: [], ephemeral };
}

/** Runs one command and returns its reply; validation and limit errors become friendly replies. */
export async function runCommand(ctx: CommandContext, deps: CommandDeps): Promise<Reply> {
  const r = REPLIES[ctx.lang];
  const config = CONFIG_COMMANDS.has(ctx.command);
  if (config && !ctx.canManage) return text(r.needManage, true);
  try {
    const body = await dispatch(ctx, deps, r);
    return { ...fitMessage(body), ephemeral: config };
  } catch (error) {
    if (error instanceof ZodError) return text(r.invalid(describeIssues(error, OPTION_NAMES)), true);
    if (error instanceof GuildLimitError)
      return text(r.limit(error.limit, LIMIT_WORDS[ctx.lang][error.kind]!), true);
    throw error;
  }
}

async function dispatch(ctx: CommandContext, deps: CommandDeps, r: Replies): Promise<MessageBody> {
  const { store } = deps;
  const say = (content: string): MessageBody => ({ content, embeds: [] });
  switch (ctx.command) {
    case "estimate": {
      if (!deps.ledger) return say(r.noLedger);
      const { metric } = EstimateOptionsSchema.parse({ metric: ctx.option("metric") });
      return metric
        ? estimateDetail(
            await deps.ledger.estimate(metric),
            await deps.ledger.history(metric, {}),
            ctx.lang,
            deps.approxWiden,
          )
        : estimatesOverview(await deps.ledger.estimates(), ctx.lang);
    }
    case "history": {
      if (!deps.ledger) return say(r.noLedger);
      const { metric, days } = HistoryOptionsSchema.parse({
        metric: ctx.option("metric"),
        days: ctx.option("days") ?? undefined,
      });
      return historyView(metric, await deps.ledger.history(metric, { sinceDays: days }), days, ctx.lang);
    }
    case "watch": {
      if (ctx.subcommand === "list") {
        const keywords = await store.keywords(ctx.guildId);
        return say(
          keywords.length
            ? r.keywordsList(keywords.length, keywords.map(escapeFeedText).join(", "))
            : r.keywordsNone,
        );
      }
      const action = ctx.subcommand === "add" ? "add" : "remove";
      const { changed, keyword } = await changeKeyword(store, action, {
        guildId: ctx.guildId,
        keyword: String(ctx.option("keyword") ?? ""),
      });
      const k = escapeFeedText(keyword);
      if (action === "add") return say(changed ? r.keywordAdded(k) : r.keywordExists(k));
      return say(changed ? r.keywordRemoved(k) : r.keywordMissing(k));
    }
    case "subscribe": {
      const channelId = String(ctx.option("channel") ?? ctx.channelId);
      // Discord offers only the guild's channels; a forged or stale id must not route alerts elsewhere.
      if (ctx.inGuild?.(channelId) === false) {
        const message = "not a channel of this server";
        throw new ZodError([{ code: "custom", path: ["channelId"], message, input: channelId }]);
      }
      const { created } = await subscribeChannel(store, {
        guildId: ctx.guildId,
        channelId,
        metrics: optional(ctx.option("metrics")),
        events: optional(ctx.option("events")),
        minChange: optional(ctx.option("min_change")),
        roleId: optional(ctx.option("role")),
        digest: optional(ctx.option("digest")),
        quietHours: optional(ctx.option("quiet_hours")),
      } as Parameters<typeof subscribeChannel>[1]);
      const body = subscriptionsView([(await store.subscription(ctx.guildId, channelId))!], ctx.lang);
      const missing = ctx.botMissing?.(channelId) ?? [];
      const warning = missing.length ? `\n${r.cannotPost(`<#${channelId}>`, missing.join(", "))}` : "";
      return { ...body, content: r.subscribed(`<#${channelId}>`, created) + warning };
    }
    case "unsubscribe": {
      const { channelId } = ChannelOptionsSchema.parse({
        guildId: ctx.guildId,
        channelId: String(ctx.option("channel") ?? ctx.channelId),
      });
      const removed = await store.removeSubscription(ctx.guildId, channelId);
      return say(removed ? r.unsubscribed(`<#${channelId}>`) : r.notSubscribed(`<#${channelId}>`));
    }
    case "subscriptions":
      return subscriptionsView(await store.subscriptions(ctx.guildId), ctx.lang);
    case "feeds":
      return feedsCommand(ctx, deps, r);
    case "status": {
      const own = [...(await store.feeds(ctx.guildId)), ...(await store.feeds(GLOBAL_SCOPE))].map(
        (f) => f.url,
      );
      const feedUrls = [...new Set([...own, ...(deps.defaultFeedUrls ?? [])])];
      const [health, queues, lastAlertAt] = await Promise.all([
        deps.status.feedHealth(feedUrls),
        deps.status.queueDepths(),
        deps.status.lastAlertAt(),
      ]);
      return statusView({ feedUrls, health, queues, lastAlertAt }, ctx.lang);
    }
    case "help":
      return helpView(ctx.lang);
    case "settings": {
      const { lang } = LanguageOptionsSchema.parse({ guildId: ctx.guildId, lang: ctx.option("value") });
      await store.setLanguage(ctx.guildId, lang);
      return say(REPLIES[lang].languageSet(lang));
    }
    default:
      return say(r.unknownCommand);
  }
}

async function feedsCommand(ctx: CommandContext, deps: CommandDeps, r: Replies): Promise<MessageBody> {
  const say = (content: string): MessageBody => ({ content, embeds: [] });
  const url = String(ctx.option("url") ?? "");
  switch (ctx.subcommand) {
    case "list": {
      const feeds = await deps.store.feeds(ctx.guildId);
      if (feeds.length === 0) return say(r.feedsNone);
      return say([r.feedsList(feeds.length), ...feeds.map((f) => `- <${f.url}>`)].join("\n"));
    }
    case "test": {
      if (!deps.previewFeed) return say(r.previewUnavailable);
      // Validated as for `/feeds add`, without adding it.
      const feed = new URL(FeedOptionsSchema.parse({ url }).url).href;
      const keywords = await deps.store.allKeywords();
      try {
        return previewView(feed, await deps.previewFeed(feed, keywords), ctx.lang);
      } catch (error) {
        return say(r.previewFailed(escapeFeedText(error instanceof Error ? error.message : String(error))));
      }
    }
    default: {
      const action = ctx.subcommand === "add" ? "add" : "remove";
      const { changed, feed } = await changeFeed(
        deps.store,
        action,
        ctx.guildId,
        { url },
        deps.feedUrlRefusal,
      );
      const shown = `<${feed.url}>`;
      if (action === "add") return say(changed ? r.feedAdded(shown) : r.feedExists(shown));
      return say(changed ? r.feedRemoved(shown) : r.feedMissing(shown));
    }
  }
}

function optional(value: OptionValue): string | number | boolean | undefined {
  return value === null ? undefined : value;
}

// discord.js adapter

/** What posting an alert needs, with the names Discord's settings show. */
const POST_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
] as const;

function guessLang(interaction: Interaction): Lang {
  const locale = interaction.guildLocale ?? interaction.locale ?? "";
  return locale.startsWith("de") ? "de" : "en";
}

function contextOf(interaction: ChatInputCommandInteraction, lang: Lang): CommandContext {
  return {
    guildId: interaction.guildId!,
    channelId: interaction.channelId,
    // Discord hides config commands from members without Manage Server, but a server can change
    // that per role or channel; the run-time check is the one that holds.
    canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    lang,
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    option: (name) => (interaction.options.get(name)?.value as OptionValue | undefined) ?? null,
    botMissing: (channelId) => {
      const guild = interaction.guild;
      const me = guild?.members.me;
      const channel = guild?.channels.cache.get(channelId);
      const permissions = me && channel && "permissionsFor" in channel ? channel.permissionsFor(me) : null;
      if (!permissions) return null;
      return POST_PERMISSIONS.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
    },
    inGuild: (channelId) => (interaction.guild ? interaction.guild.channels.cache.has(channelId) : null),
  };
}

/** Metric (or event type) suggestions for the option being typed; lists complete their last item. */
export function autocompleteChoices(
  option: string,
  typed: string,
  lang: Lang,
): Array<{ name: string; value: string }> {
  const list = option === "metrics" || option === "events";
  const parts = list ? typed.split(/\s*,\s*/) : [typed];
  const last = (parts.pop() ?? "").trim().toLowerCase();
  const prefix = parts.filter(Boolean).join(",");
  const candidates =
    option === "events"
      ? EVENT_TYPES.map((id) => ({ id, label: id }))
      : METRICS.map((m) => ({ id: m.id as string, label: m.label[lang] }));
  return candidates
    .filter((c) => c.id.includes(last) || c.label.toLowerCase().includes(last))
    .map((c) => {
      const value = prefix ? `${prefix},${c.id}` : c.id;
      return { name: truncate(prefix ? `${prefix}, ${c.label}` : `${c.label} (${c.id})`, 100), value };
    })
    .filter((c) => c.value.length <= 100)
    .slice(0, 25);
}

/**
 * The interactionCreate listener: routes slash commands and autocomplete to the handlers.
 * Never throws and never leaves an interaction unanswered: an unexpected error becomes a short
 * ephemeral apology and is passed to `onError`.
 */
export function createInteractionHandler(deps: CommandDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const command = "commandName" in interaction ? String(interaction.commandName) : "?";
    let lang: Lang = guessLang(interaction);
    try {
      if (interaction.guildId) lang = (await deps.store.settings(interaction.guildId)).lang ?? lang;
      if (interaction.isAutocomplete()) {
        await answerAutocomplete(interaction, lang);
        return;
      }
      if (!interaction.isChatInputCommand()) return;
      if (!interaction.inGuild()) {
        await interaction.reply({ content: REPLIES[lang].guildOnly, flags: MessageFlags.Ephemeral });
        return;
      }
      const ctx = contextOf(interaction, lang);
      const slow = ctx.command === "feeds" && ctx.subcommand === "test";
      if (slow) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const reply = await runCommand(ctx, deps);
      const payload = {
        ...(reply.content ? { content: reply.content } : {}),
        embeds: reply.embeds,
        allowedMentions: { parse: [] },
      };
      if (slow) await interaction.editReply(payload);
      else
        await interaction.reply({
          ...payload,
          ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
        });
    } catch (error) {
      deps.onError?.(error, { command, guildId: interaction.guildId });
      await apologize(interaction, lang, deps);
    }
  };
}

async function answerAutocomplete(interaction: AutocompleteInteraction, lang: Lang): Promise<void> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(autocompleteChoices(focused.name, String(focused.value), lang));
}

async function apologize(interaction: Interaction, lang: Lang, deps: CommandDeps): Promise<void> {
  if (!interaction.isRepliable()) return;
  try {
    const content = REPLIES[lang].failed;
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [] });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch (error) {
    deps.onError?.(error, { command: "apologize", guildId: interaction.guildId });
  }
}
