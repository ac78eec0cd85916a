import type { AlertJob } from "@zw/core";
import { type MessageBody, plainText, renderDigest, renderMessage } from "@zw/format";
import type { AlertSink, DigestTarget } from "./alert-sink";

/** Prints each message as plain text: the sink when no Discord token is configured. */
export function consoleSink(output: NodeJS.WritableStream = process.stdout): AlertSink {
  return {
    async deliver(job: AlertJob) {
      output.write(`${consoleText(job, renderMessage(job.alerts, job.lang))}\n`);
      return { status: "sent" };
    },
    async deliverDigest(target, alerts, day) {
      output.write(`${consoleText(target, renderDigest(alerts, target.lang, day))}\n`);
      return { status: "sent" };
    },
  };
}

/** A Discord message as plain text, without markdown: what the channel would show, minus the colours. */
export function consoleText(target: DigestTarget, body: MessageBody): string {
  return `── alert → guild ${target.guildId} · channel ${target.channelId}\n${plainText(body)}`;
}
