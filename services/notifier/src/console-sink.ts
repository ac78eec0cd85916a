import type { AlertJob } from "@zw/core";
import { type MessageBody, renderAlert } from "@zw/format";
import type { AlertSink } from "./alert-sink";

/** Prints each alert readably: the sink when no Discord token is configured. */
export function consoleSink(output: NodeJS.WritableStream = process.stdout): AlertSink {
  return {
    async deliver(job: AlertJob) {
      output.write(`${consoleText(job, renderAlert(job.alert, job.lang))}\n`);
      return { status: "sent" };
    },
  };
}

/** An alert's Discord message as plain text: what a channel would show, minus the colours. */
export function consoleText(job: AlertJob, body: MessageBody): string {
  const lines = [`── alert → guild ${job.guildId} · channel ${job.channelId}`];
  if (body.content) lines.push(body.content);
  for (const embed of body.embeds ?? []) {
    if (embed.title) lines.push(`■ ${embed.title}`);
    if (embed.description) lines.push(embed.description);
    for (const field of embed.fields ?? [])
      lines.push(`  ${field.name}: ${field.value.replace(/\n/g, "\n    ")}`);
    if (embed.url) lines.push(`  ${embed.url}`);
    if (embed.footer?.text) lines.push(`  (${embed.footer.text})`);
  }
  return lines.join("\n");
}
