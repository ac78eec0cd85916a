import { parseArgs } from "node:util";
import { Snowflake } from "@zw/core";
import { ChannelOptionsSchema, subscribeChannel } from "@zw/discord";
import { type Command, UsageError } from "../command";
import { withGuildStore } from "../guild-cli";

export const subscribe: Command = {
  name: "subscribe",
  summary: "which channel gets which alerts (as /subscribe, /unsubscribe, /subscriptions)",
  usage: `Usage: zw subscribe --guild ID --channel ID [--metrics a,b] [--events a,b] [--min-change 0.1|10%]
                    [--role ID] [--digest | --no-digest] [--quiet-hours 22-6|off]
       zw subscribe --guild ID --channel ID --remove
       zw subscribe --guild ID --list [--json]

Creates or updates a channel's subscription in the store the bot uses; options left out keep
their current values. Same rules and limits as the slash commands.
Events: estimate_changed, conflict, inconsistency, new_metric, corroboration, projection, denial.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        guild: { type: "string" },
        channel: { type: "string" },
        metrics: { type: "string" },
        events: { type: "string" },
        "min-change": { type: "string" },
        role: { type: "string" },
        digest: { type: "boolean" },
        "no-digest": { type: "boolean" },
        "quiet-hours": { type: "string" },
        remove: { type: "boolean" },
        list: { type: "boolean" },
        json: { type: "boolean" },
      },
    });
    if (!values.guild) throw new UsageError("--guild ID is required");
    const guildId = values.guild;
    return withGuildStore(io, async (store) => {
      if (values.list) {
        const subscriptions = await store.subscriptions(Snowflake.parse(guildId));
        io.stdout.write(
          subscriptions
            .map((s) =>
              values.json
                ? `${JSON.stringify(s)}\n`
                : `${s.channelId}  events=${s.events.join(",")}  metrics=${s.metrics.join(",") || "all"}  min-change=${s.minChange}${s.roleId ? `  role=${s.roleId}` : ""}${s.digest ? "  digest" : ""}${s.quietHours ? `  quiet=${s.quietHours.from}-${s.quietHours.to}` : ""}${s.pausedReason ? `  PAUSED: ${s.pausedReason}` : ""}\n`,
            )
            .join(""),
        );
        return 0;
      }
      if (!values.channel) throw new UsageError("--channel ID is required");
      if (values.remove) {
        const { channelId } = ChannelOptionsSchema.parse({ guildId, channelId: values.channel });
        const removed = await store.removeSubscription(guildId, channelId);
        io.stdout.write(removed ? `unsubscribed ${channelId}\n` : `${channelId} had no subscription\n`);
        return 0;
      }
      const digest = values.digest ? true : values["no-digest"] ? false : undefined;
      const { created, subscription } = await subscribeChannel(store, {
        guildId,
        channelId: values.channel,
        metrics: values.metrics,
        events: values.events,
        minChange: values["min-change"],
        roleId: values.role,
        digest,
        quietHours: values["quiet-hours"],
      });
      io.stdout.write(`${created ? "subscribed" : "updated"}: ${JSON.stringify(subscription)}\n`);
      return 0;
    });
  },
};
