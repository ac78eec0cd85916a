/**
 * Makes text from feeds safe to show in Discord: it cannot format, hide a link behind other words,
 * or mention anyone. Discord renders markdown in embed descriptions and field values, and turns
 * `<@id>`, `<@&id>`, `<#id>`, `@everyone` and `@here` into mentions, so all of these are broken up.
 */

/** Zero-width, bidirectional and other invisible format characters: used to hide or reorder text. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Characters with a markdown meaning anywhere in a line; escaped brackets cannot start a masked link. */
const MARKDOWN = /[\\*_~`|[\]]/g;
/** Characters with a markdown meaning at the start of a line: quotes, headings, lists, subtext. */
const LINE_START = /^(\s*)([>#\-+])/gm;
const NUMBERED_LIST = /^(\s*\d+)\./gm;
const ZWSP = "\u200b";

/** Plain text from a feed, escaped for a markdown context (embed description, field value). */
export function escapeFeedText(text: string): string {
  return neutralizeMentions(
    stripInvisible(text)
      .replace(MARKDOWN, "\\$&")
      .replace(LINE_START, "$1\\$2")
      .replace(NUMBERED_LIST, "$1\\."),
  );
}

/** Plain text from a feed for a context without markdown (embed title, field name, footer). */
export function escapePlainText(text: string): string {
  return neutralizeMentions(stripInvisible(text));
}

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "").replace(CONTROL, " ");
}

/** Puts a zero-width space where Discord would otherwise parse a mention, channel link or command. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#/:]|a:|t:)/g, `<${ZWSP}$1`);
}

/**
 * A URL fit for a markdown link target: only http(s), and without the characters that would end
 * the link early or start another one. Returns null for anything else.
 */
export function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  // URL already percent-encodes spaces, quotes and angle brackets; brackets would end the link early.
  return parsed.href.replace(/[()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[text](url)` with both parts made safe; the bare escaped text when the URL is not usable. */
export function maskedLink(text: string, url: string | null): string {
  // Brackets go entirely: an escaped "]" inside a label can still end it in some parsers.
  const label = escapeFeedText(text.replace(/[[\]]/g, ""));
  const target = url ? safeUrl(url) : null;
  return target ? `[${label}](${target})` : label;
}
