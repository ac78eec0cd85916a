import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from "discord.js";

/** Commands that change a guild's configuration: Manage Server, by default and checked at run time. */
export const CONFIG_COMMANDS = new Set([
  "watch",
  "subscribe",
  "unsubscribe",
  "subscriptions",
  "feeds",
  "settings",
]);

const de = (text: string) => ({ de: text });

function command(name: string, description: string, german: string, config: boolean): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setDescriptionLocalizations(de(german))
    .setContexts(InteractionContextType.Guild);
  if (config) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  return builder;
}

/** The slash commands, as the JSON Discord's PUT applications/:id/commands takes. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const estimate = command(
    "estimate",
    "Current estimates: all metrics, or one in detail",
    "Aktuelle Schätzungen: alle Kennzahlen oder eine im Detail",
    false,
  ).addStringOption((o) =>
    o
      .setName("metric")
      .setDescription("Metric to show in detail")
      .setDescriptionLocalizations(de("Kennzahl im Detail"))
      .setAutocomplete(true),
  );

  const history = command(
    "history",
    "The claims about one metric over time",
    "Die Angaben zu einer Kennzahl im Zeitverlauf",
    false,
  )
    .addStringOption((o) =>
      o
        .setName("metric")
        .setDescription("Metric")
        .setDescriptionLocalizations(de("Kennzahl"))
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o
        .setName("days")
        .setDescription("How many days back (default 90)")
        .setDescriptionLocalizations(de("Wie viele Tage zurück (Standard 90)"))
        .setMinValue(1)
        .setMaxValue(3650),
    );

  const keyword = (o: SlashCommandStringOption) =>
    o
      .setName("keyword")
      .setDescription("Keyword")
      .setDescriptionLocalizations(de("Stichwort"))
      .setRequired(true)
      .setMinLength(2)
      .setMaxLength(100);
  const watch = command(
    "watch",
    "The keywords this server watches",
    "Die Stichwörter, die dieser Server beobachtet",
    true,
  )
    .addSubcommand((s) =>
      s
        .setName("add")
        .setDescription("Watch a keyword")
        .setDescriptionLocalizations(de("Stichwort beobachten"))
        .addStringOption(keyword),
    )
    .addSubcommand((s) =>
      s
        .setName("remove")
        .setDescription("Stop watching a keyword")
        .setDescriptionLocalizations(de("Stichwort nicht mehr beobachten"))
        .addStringOption(keyword),
    )
    .addSubcommand((s) =>
      s
        .setName("list")
        .setDescription("List the watched keywords")
        .setDescriptionLocalizations(de("Beobachtete Stichwörter zeigen")),
    );

  const channel = (o: SlashCommandChannelOption) =>
    o
      .setName("channel")
      .setDescription("Channel (default: this one)")
      .setDescriptionLocalizations(de("Kanal (Standard: dieser)"))
      .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
  const subscribe = command("subscribe", "Send alerts to a channel", "Meldungen in einen Kanal senden", true)
    .addChannelOption(channel)
    .addStringOption((o) =>
      o
        .setName("metrics")
        .setDescription("Metrics, comma-separated (default: all)")
        .setDescriptionLocalizations(de("Kennzahlen, mit Komma getrennt (Standard: alle)"))
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("events")
        .setDescription("Event types, comma-separated (default: changes, conflicts, inconsistencies, new)")
        .setDescriptionLocalizations(de("Ereignistypen, mit Komma getrennt"))
        .setAutocomplete(true),
    )
    .addNumberOption((o) =>
      o
        .setName("min_change")
        .setDescription("Minimum relative change for an alert, e.g. 0.1 = 10 %")
        .setDescriptionLocalizations(de("Mindeständerung, z. B. 0,1 = 10 %"))
        .setMinValue(0)
        .setMaxValue(10),
    )
    .addRoleOption((o) =>
      o
        .setName("role")
        .setDescription("Role to mention")
        .setDescriptionLocalizations(de("Rolle, die erwähnt wird")),
    )
    .addBooleanOption((o) =>
      o
        .setName("digest")
        .setDescription("One summary per day instead of single alerts")
        .setDescriptionLocalizations(de("Eine Zusammenfassung pro Tag statt einzelner Meldungen")),
    )
    .addStringOption((o) =>
      o
        .setName("quiet_hours")
        .setDescription("UTC hours without alerts, e.g. 22-6, or off")
        .setDescriptionLocalizations(de("UTC-Stunden ohne Meldungen, z. B. 22-6, oder off"))
        .setMaxLength(10),
    );
  const unsubscribe = command(
    "unsubscribe",
    "Stop alerts in a channel",
    "Meldungen in einem Kanal beenden",
    true,
  ).addChannelOption(channel);
  const subscriptions = command(
    "subscriptions",
    "This server's alert subscriptions",
    "Die Abos dieses Servers",
    true,
  );

  const url = (o: SlashCommandStringOption) =>
    o
      .setName("url")
      .setDescription("Feed URL (RSS or Atom)")
      .setDescriptionLocalizations(de("Feed-URL (RSS oder Atom)"))
      .setRequired(true)
      .setMaxLength(2048);
  const feeds = command("feeds", "The feeds this server adds", "Die Feeds dieses Servers", true)
    .addSubcommand((s) =>
      s
        .setName("add")
        .setDescription("Add a feed")
        .setDescriptionLocalizations(de("Feed hinzufügen"))
        .addStringOption(url),
    )
    .addSubcommand((s) =>
      s
        .setName("remove")
        .setDescription("Remove a feed")
        .setDescriptionLocalizations(de("Feed entfernen"))
        .addStringOption(url),
    )
    .addSubcommand((s) =>
      s.setName("list").setDescription("List the feeds").setDescriptionLocalizations(de("Feeds zeigen")),
    )
    .addSubcommand((s) =>
      s
        .setName("test")
        .setDescription("Fetch a feed now and show what would be extracted, without alerting")
        .setDescriptionLocalizations(de("Feed jetzt abrufen und zeigen, was erkannt würde, ohne Meldung"))
        .addStringOption(url),
    );

  const status = command(
    "status",
    "Feed health, queues and the last alert",
    "Zustand der Feeds, Warteschlangen und letzte Meldung",
    false,
  );
  const help = command(
    "help",
    "What this bot does and how to set it up",
    "Was dieser Bot tut und wie man ihn einrichtet",
    false,
  );
  const settings = command(
    "settings",
    "Settings of this server",
    "Einstellungen dieses Servers",
    true,
  ).addSubcommand((s) =>
    s
      .setName("language")
      .setDescription("Language of replies and alerts")
      .setDescriptionLocalizations(de("Sprache der Antworten und Meldungen"))
      .addStringOption((o) =>
        o
          .setName("value")
          .setDescription("Language")
          .setDescriptionLocalizations(de("Sprache"))
          .setRequired(true)
          .addChoices({ name: "Deutsch", value: "de" }, { name: "English", value: "en" }),
      ),
  );

  return [estimate, history, watch, subscribe, unsubscribe, subscriptions, feeds, status, help, settings].map(
    (c) => c.toJSON(),
  );
}

/**
 * Replaces the application's commands: for one guild (instant, for development) or globally.
 * Returns how many Discord now has.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null = null,
): Promise<number> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
  return registered.length;
}
