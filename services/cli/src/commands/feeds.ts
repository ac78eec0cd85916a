import { parseArgs } from "node:util";
import { Lang, Snowflake } from "@zw/core";
import { changeFeed } from "@zw/discord";
import { privateTargetRefusal } from "@zw/feeds";
import { GLOBAL_SCOPE } from "@zw/store";
import type { Command } from "../command";
import { listAction, withGuildStore } from "../guild-cli";

export const feeds: Command = {
  name: "feeds",
  summary: "feeds of a guild, or the operator's own: add, remove, list (as /feeds)",
  usage: `Usage: zw feeds add URL [--guild ID] [--name NAME] [--lang de|en]
       zw feeds remove URL [--guild ID]
       zw feeds list [--guild ID] [--all]

Without --guild the operator's own feed list (polled for everyone, no limit); with it, a Discord
server's feeds as /feeds manages them. A URL added by several is fetched once.
list --all prints every feed URL anyone added.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        guild: { type: "string" },
        name: { type: "string" },
        lang: { type: "string" },
        all: { type: "boolean" },
      },
    });
    const { action, value } = listAction(positionals, "URL");
    return withGuildStore(io, async (store, config) => {
      const scope = values.guild ? Snowflake.parse(values.guild) : GLOBAL_SCOPE;
      if (action === "list") {
        const urls = values.all ? await store.allFeedUrls() : (await store.feeds(scope)).map((f) => f.url);
        io.stdout.write(urls.map((u) => `${u}\n`).join(""));
        return 0;
      }
      const lang = values.lang === undefined ? undefined : Lang.parse(values.lang);
      // As /feeds add: no private addresses unless the operator allows them (ZW_ALLOW_PRIVATE_FEEDS).
      const refusal = config.allowPrivateFeeds ? undefined : (url: string) => privateTargetRefusal(url);
      const { changed, feed } = await changeFeed(
        store,
        action,
        scope,
        { url: value, name: values.name, lang },
        refusal,
      );
      const verb =
        action === "add" ? (changed ? "added" : "already there") : changed ? "removed" : "not there";
      io.stdout.write(
        `${verb}: ${feed.url}${scope === GLOBAL_SCOPE ? " (operator)" : ` (guild ${scope})`}\n`,
      );
      return 0;
    });
  },
};
