/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  total: 6000,
} as const;

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The subset of Discord's embed object this project sends (structurally an APIEmbed). */
export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: EmbedField[];
  footer?: { text: string };
  author?: { name: string; url?: string };
}

/** A message body without the delivery details (nonce, allowed_mentions) the poster adds. */
export interface MessageBody {
  content?: string;
  embeds: Embed[];
}

const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` UTF-16 units (Discord counts those), at a word boundary when one is
 * near, never inside a surrogate pair or a masked link, and never leaving a dangling escape backslash.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const space = head.search(/\s\S*$/);
  if (space > 0 && space >= cut * 0.8) head = head.slice(0, space);
  // A masked link cut in half would show its raw markdown: cut before it instead.
  const openLink = head.search(/(?<!\\)\[(?:[^\]]*|[^\]]*\]\([^)]*)$/);
  if (openLink > 0) head = head.slice(0, openLink);
  head = head.replace(/\\+$/, (slashes) => (slashes.length % 2 === 1 ? slashes.slice(1) : slashes));
  return head.trimEnd() + ELLIPSIS;
}

export function embedLength(embed: Embed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export function messageLength(body: MessageBody): number {
  return body.embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

/** Each piece of an embed cut to its own limit; empty field parts become a dash (Discord rejects ""). */
function clampEmbed(embed: Embed): Embed {
  const out: Embed = { ...embed };
  if (embed.title !== undefined) out.title = truncate(embed.title, DISCORD_LIMITS.title);
  if (embed.description !== undefined) {
    out.description = truncate(embed.description, DISCORD_LIMITS.description);
  }
  if (embed.footer) out.footer = { text: truncate(embed.footer.text, DISCORD_LIMITS.footer) };
  if (embed.author)
    out.author = { ...embed.author, name: truncate(embed.author.name, DISCORD_LIMITS.author) };
  if (embed.fields) {
    out.fields = embed.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, DISCORD_LIMITS.fieldName) || "-",
      value: truncate(f.value, DISCORD_LIMITS.fieldValue) || "-",
    }));
  }
  return out;
}

/** The shortest a cut description or field value may become before fields are dropped instead. */
const MIN_CUT = 80;

/**
 * Makes a message fit every Discord limit by cutting text cleanly: each piece to its own limit,
 * then the longest descriptions and field values until all embeds together fit the 6000 total,
 * dropping trailing fields only when cutting alone cannot. discord.js's builders do not check the
 * total, and Discord rejects the whole message when it is exceeded.
 */
export function fitMessage(body: MessageBody): MessageBody {
  const embeds = body.embeds.slice(0, DISCORD_LIMITS.embeds).map(clampEmbed);
  const fitted: MessageBody = { embeds };
  if (body.content !== undefined) fitted.content = truncate(body.content, DISCORD_LIMITS.content);
  let excess = messageLength(fitted) - DISCORD_LIMITS.total;
  while (excess > 0) {
    const longest = longestCuttable(embeds);
    if (longest && longest.length > MIN_CUT) {
      const target = Math.max(MIN_CUT, longest.length - excess);
      longest.set(truncate(longest.get(), target));
    } else if (!dropLastField(embeds) && !dropLastEmbed(embeds)) {
      break;
    }
    excess = messageLength(fitted) - DISCORD_LIMITS.total;
  }
  return fitted;
}

interface Cuttable {
  length: number;
  get(): string;
  set(text: string): void;
}

function longestCuttable(embeds: Embed[]): Cuttable | null {
  let best: Cuttable | null = null;
  for (const embed of embeds) {
    const description = embed.description;
    if (description !== undefined && description.length > (best?.length ?? 0)) {
      best = {
        length: description.length,
        get: () => embed.description ?? "",
        set: (text) => {
          embed.description = text;
        },
      };
    }
    for (const field of embed.fields ?? []) {
      if (field.value.length > (best?.length ?? 0)) {
        best = {
          length: field.value.length,
          get: () => field.value,
          set: (text) => {
            field.value = text;
          },
        };
      }
    }
  }
  return best;
}

function dropLastField(embeds: Embed[]): boolean {
  for (let i = embeds.length - 1; i >= 0; i--) {
    const fields = embeds[i]?.fields;
    if (fields && fields.length > 0) {
      fields.pop();
      return true;
    }
  }
  return false;
}

function dropLastEmbed(embeds: Embed[]): boolean {
  if (embeds.length <= 1) return false;
  embeds.pop();
  return true;
}

/** Every way `body` breaks a Discord limit, in words; empty when it fits. */
export function limitViolations(body: MessageBody): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} long (limit ${max})`);
  };
  over("content", body.content?.length ?? 0, DISCORD_LIMITS.content);
  over("embed count", body.embeds.length, DISCORD_LIMITS.embeds);
  body.embeds.forEach((e, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, DISCORD_LIMITS.title);
    over(`embed ${i} description`, e.description?.length ?? 0, DISCORD_LIMITS.description);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, DISCORD_LIMITS.footer);
    over(`embed ${i} author`, e.author?.name.length ?? 0, DISCORD_LIMITS.author);
    over(`embed ${i} field count`, e.fields?.length ?? 0, DISCORD_LIMITS.fields);
    e.fields?.forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, DISCORD_LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, DISCORD_LIMITS.fieldValue);
      if (!f.name || !f.value) problems.push(`embed ${i} field ${j} is empty`);
    });
  });
  over("embeds in all", messageLength(body), DISCORD_LIMITS.total);
  return problems;
}
