import { stripInvisible } from "./escape";
import type { MessageBody } from "./limits";

/*
 * A message as plain text, for the console and `zw replay`: what the channel would show, without
 * Discord's markdown. Feed text was escaped for Discord (`escapeFeedText`); here the escapes go
 * again, and so do the zero-width spaces that break mentions for Discord (and any other invisible
 * format character): a terminal is no place for a mention, and text copied from it must be the
 * words as written. Links are written out.
 */

/** `[label](url)` as "label <url>". */
const MASKED_LINK = /\[((?:\\.|[^\]\\])*)\]\(([^()\s]+)\)/g;
const BOLD = /\*\*(.+?)\*\*/g;
/** A block quote (the sentence a figure came from) as a quotation. */
const QUOTE = /^> (.*)$/gm;
/** What `escapeFeedText` puts a backslash before. */
const ESCAPED = /\\([\\*_~`|[\]>#\-+.])/g;

/** One piece of embed text without markdown. */
export function unmarkdown(text: string): string {
  return text
    .replace(MASKED_LINK, (_, label: string, url: string) => `${label} <${url}>`)
    .replace(BOLD, "$1")
    .replace(QUOTE, "“$1”")
    .replace(ESCAPED, "$1");
}

/** A message body as lines of plain text: each embed's title, description, fields, link, footer. */
export function plainText(body: MessageBody): string {
  const lines: string[] = [];
  if (body.content) lines.push(unmarkdown(body.content));
  for (const embed of body.embeds) {
    if (embed.title) lines.push(`■ ${unmarkdown(embed.title)}`);
    if (embed.description) lines.push(unmarkdown(embed.description));
    for (const field of embed.fields ?? [])
      lines.push(`  ${unmarkdown(field.name)}: ${unmarkdown(field.value).replace(/\n/g, "\n    ")}`);
    if (embed.url) lines.push(`  ${embed.url}`);
    if (embed.footer?.text) lines.push(`  (${unmarkdown(embed.footer.text)})`);
  }
  return stripInvisible(lines.join("\n"));
}
