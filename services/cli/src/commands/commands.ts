import { parseArgs } from "node:util";
import { loadConfig } from "@zw/config";
import { Snowflake } from "@zw/core";
import { commandDefinitions, createDiscordRest, registerCommands } from "@zw/discord";
import { Routes } from "discord.js";
import { type Command, UsageError } from "../command";

export const commandsCommand: Command = {
  name: "commands",
  summary: "register the slash commands with Discord (guild-scoped or global)",
  usage: `Usage: zw commands register [--guild ID]
       zw commands list

register replaces the application's slash commands: with --guild in that server only (instant,
for development), else globally (may take a while to show everywhere). Needs DISCORD_TOKEN;
the application id is DISCORD_APPLICATION_ID, else asked from Discord.
list prints the command names and whether they need Manage Server, without contacting Discord.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { guild: { type: "string" } },
    });
    const [action] = positionals;
    if (action === "list") {
      for (const c of commandDefinitions()) {
        io.stdout.write(
          `/${c.name}${c.default_member_permissions ? "  (Manage Server)" : ""}  ${c.description}\n`,
        );
      }
      return 0;
    }
    if (action !== "register") throw new UsageError(`expected register or list, got ${action ?? "nothing"}`);
    const guild = values.guild === undefined ? null : Snowflake.safeParse(values.guild);
    if (guild && !guild.success) throw new UsageError(`--guild: ${guild.error.issues[0]?.message}`);
    const guildId = guild?.data ?? null;
    const config = loadConfig({ env: io.env, cwd: io.cwd });
    if (!config.discordToken) throw new UsageError("DISCORD_TOKEN is not set");
    const rest = createDiscordRest({ token: config.discordToken, apiUrl: config.discordApiUrl });
    const applicationId =
      config.discordApplicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const count = await registerCommands(rest, applicationId, guildId);
    io.stdout.write(`registered ${count} commands ${guildId ? `in guild ${guildId}` : "globally"}\n`);
    return 0;
  },
};
