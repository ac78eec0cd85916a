import type { AlertJob } from "@zw/core";
import { type MessageBody, renderAlert, renderDigest } from "@zw/format";
import type { AlertSink, DigestTarget } from "./alert-sink";

/** Prints each alert readably: the sink when no Discord token is configured. */
export function consoleSink(output: NodeJS.WritableStream = process.stdout): AlertSink {
  return {
    async deliver(job: AlertJob) {
      output.write(`${consoleText(job, renderAlert(job.alert, job.lang))}\n`);
      return { status: "sent" };
    },
    async deliverDigest(target, alerts, day) {
      output.write(`${consoleText(target, renderDigest(alerts, target.lang, day))}\n`);
      return { status: "sent" };
    },
  };
}

/** A Discord message as plain text: what the channel would show, minus the colours. */
export function consoleText(target: DigestTarget, body: MessageBody): string {
  const lines = [`── alert → guild ${target.guildId} · channel ${target.channelId}`];
  if (body.content) lines.push(body.content);
  for (const embed of body.embeds) {
    if (embed.title) lines.push(`■ ${embed.title}`);
    if (embed.description) lines.push(embed.description);
    for (const field of embed.fields ?? [])
      lines.push(`  ${field.name}: ${field.value.replace(/\n/g, "\n    ")}`);
    if (embed.url) lines.push(`  ${embed.url}`);
    if (embed.footer?.text) lines.push(`  (${embed.footer.text})`);
  }
  return lines.join("\n");
}
