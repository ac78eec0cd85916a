import { parseArgs } from "node:util";
import { Snowflake } from "@zw/core";
import { changeKeyword } from "@zw/discord";
import { type Command, UsageError } from "../command";
import { listAction, withGuildStore } from "../guild-cli";

export const watch: Command = {
  name: "watch",
  summary: "a guild's watched keywords: add, remove, list (as /watch)",
  usage: `Usage: zw watch add|remove KEYWORD --guild ID
       zw watch list --guild ID

The keywords a Discord server watches on top of the default list, in the store the bot uses.
Same rules and limits as the /watch slash command.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { guild: { type: "string" } },
    });
    const { action, value } = listAction(positionals, "KEYWORD");
    if (!values.guild) throw new UsageError("--guild ID is required");
    const guildId = values.guild;
    return withGuildStore(io, async (store) => {
      if (action === "list") {
        const keywords = await store.keywords(Snowflake.parse(guildId));
        io.stdout.write(keywords.map((k) => `${k}\n`).join(""));
        return 0;
      }
      const { changed, keyword } = await changeKeyword(store, action, { guildId, keyword: value });
      const verb =
        action === "add"
          ? changed
            ? "watching"
            : "already watching"
          : changed
            ? "no longer watching"
            : "was not watching";
      io.stdout.write(`${verb} "${keyword}"\n`);
      return 0;
    });
  },
};
