import {
  type Alert,
  type Claim,
  type ConsensusValue,
  type Event,
  type FeedHealthNotice,
  isSourceId,
  type Lang,
  type Report,
} from "@zw/core";
import { escapeFeedText, escapePlainText, maskedLink, safeUrl } from "./escape";
import {
  DISCORD_LIMITS,
  type Embed,
  type EmbedField,
  embedLength,
  fitMessage,
  type MessageBody,
} from "./limits";
import { ALERT_STRINGS, type AlertStrings } from "./strings";
import {
  formatDate,
  formatNumber,
  formatPercentChange,
  formatSignedNumber,
  formatValue,
  metricLabel,
  sourceLabel,
} from "./values";

/** One colour per alert type, so a channel can be read at a glance. */
export const ALERT_COLORS: Record<Alert["type"], number> = {
  estimate_changed: 0x3498db,
  conflict: 0xe67e22,
  inconsistency: 0xe74c3c,
  new_metric: 0x2ecc71,
  corroboration: 0x1abc9c,
  projection: 0x9b59b6,
  denial: 0x95a5a6,
  feed_failing: 0x992d22,
  feed_recovered: 0x27ae60,
};

/** An alert as one Discord message with one embed, within every limit. */
export function renderAlert(alert: Alert, lang: Lang): MessageBody {
  return fitMessage({ embeds: [alertEmbed(alert, lang)] });
}

/** Most important first: what moved, what disagrees, what does not add up, then the rest. */
const IMPORTANCE: readonly Alert["type"][] = [
  "estimate_changed",
  "conflict",
  "inconsistency",
  "new_metric",
  "projection",
  "denial",
  "corroboration",
  "feed_failing",
  "feed_recovered",
];

/** The alerts, most important first; of equal importance in the order given. */
export function byImportance(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => IMPORTANCE.indexOf(a.type) - IMPORTANCE.indexOf(b.type));
}

/** Room kept for the line that counts the alerts left out. */
const OVERFLOW_ROOM = 200;

/**
 * The alerts of one article for one channel as one message: one embed each, the most important
 * first, as many as Discord's limits allow (10 embeds, 6,000 characters in all); when some do not
 * fit, a last line says how many more and points to `/history` of their metrics.
 */
export function renderMessage(alerts: readonly Alert[], lang: Lang): MessageBody {
  const embeds = byImportance(alerts).map((alert) => renderAlert(alert, lang).embeds[0]!);
  const shown: Embed[] = [];
  let length = 0;
  for (const [i, embed] of embeds.entries()) {
    const more = i < embeds.length - 1;
    const room = DISCORD_LIMITS.total - (more ? OVERFLOW_ROOM : 0);
    const slots = DISCORD_LIMITS.embeds - (more ? 1 : 0);
    // The first is always shown: fitMessage cuts it to the room left.
    if (shown.length > 0 && (shown.length >= slots || length + embedLength(embed) > room)) break;
    shown.push(embed);
    length += embedLength(embed);
  }
  const hidden = byImportance(alerts).slice(shown.length);
  if (hidden.length > 0) shown.push(overflowEmbed(hidden, lang));
  return fitMessage({ embeds: shown });
}

function overflowEmbed(hidden: Alert[], lang: Lang): Embed {
  const metrics = [...new Set(hidden.flatMap((a) => ("metric" in a ? [a.metric] : [])))];
  const where = metrics.length ? metrics.map((m) => `/history ${m}`).join(", ") : "/history";
  return { description: ALERT_STRINGS[lang].overflow(hidden.length, where), color: 0x5865f2 };
}

/** Several alerts as one message: one field per alert, newest last, within every limit. */
export function renderDigest(alerts: Alert[], lang: Lang, day: string | null = null): MessageBody {
  const s = ALERT_STRINGS[lang];
  const shown = alerts.slice(0, 24);
  const fields: EmbedField[] = shown.map((alert) => ({
    name: headline(alert, lang),
    value: summary(alert, lang),
  }));
  if (alerts.length > shown.length) fields.push({ name: s.more(alerts.length - shown.length), value: "-" });
  const date = formatDate(day, lang);
  return fitMessage({
    embeds: [
      {
        title: date ? `${s.digest}: ${date}` : s.digest,
        description: s.events(alerts.length),
        color: 0x5865f2,
        fields,
        footer: { text: "Zahlenwacht" },
      },
    ],
  });
}

export function alertEmbed(alert: Alert, lang: Lang): Embed {
  const s = ALERT_STRINGS[lang];
  const embed = isFeedNotice(alert) ? feedNoticeEmbed(alert, s) : eventEmbed(alert, lang, s);
  return { color: ALERT_COLORS[alert.type], footer: { text: `Zahlenwacht · ${s[alert.type]}` }, ...embed };
}

function isFeedNotice(alert: Alert): alert is FeedHealthNotice {
  return alert.type === "feed_failing" || alert.type === "feed_recovered";
}

function feedNoticeEmbed(notice: FeedHealthNotice, s: AlertStrings): Embed {
  const fields: EmbedField[] = [{ name: s.feed, value: escapeFeedText(notice.feedUrl) }];
  if (notice.type === "feed_failing") {
    fields.push({ name: s.reason, value: escapeFeedText(notice.reason ?? s.unknownReason) });
  }
  return { title: s[notice.type], fields };
}

function eventEmbed(event: Event, lang: Lang, s: AlertStrings): Embed {
  const metric = metricLabel(event.metric, lang);
  switch (event.type) {
    case "estimate_changed": {
      const { previous, current, change, consensus } = event;
      const arrow = change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "=";
      const relative = change.relative === null ? "" : ` (${formatPercentChange(change.relative, lang)})`;
      const moved = `${arrow} ${formatSignedNumber(change.absolute, lang)}${relative}`;
      if (consensus) {
        const { from, to } = consensus;
        return {
          title: `${metric}: ${s.consensusWord} ${formatNumber(from.best, lang)} → ${formatNumber(to.best, lang)}`,
          ...claimLink(current),
          description: `${moved} · ${s.consensus}`,
          fields: [
            { name: s.whoSays, value: `${formatValue(current, lang)} · ${whoSays(current, lang, s)}` },
            { name: s.statement, value: quote(current.quote) },
            { name: s.before, value: consensusText(from, lang, s) },
            { name: s.now, value: consensusText(to, lang, s) },
          ],
          ...claimTimestamp(current),
        };
      }
      return {
        title: `${metric}: ${formatValue(previous, lang)} → ${formatValue(current, lang)}`,
        ...claimLink(current),
        description: `${moved} · ${s.revision}`,
        fields: [
          { name: s.whoSays, value: whoSays(current, lang, s) },
          { name: s.statement, value: quote(current.quote) },
          { name: s.before, value: `${formatValue(previous, lang)} · ${whoSays(previous, lang, s)}` },
        ],
        ...claimTimestamp(current),
      };
    }
    case "conflict": {
      const [a, b] = event.claims;
      return {
        title: `${s.conflict}: ${metric}`,
        fields: [a, b].map((claim, i) => ({
          name: `${s.claim} ${i + 1}: ${formatValue(claim, lang)}`,
          value: `${whoSays(claim, lang, s)}\n${quote(claim.quote)}`,
          inline: true,
        })),
        ...claimTimestamp(b),
      };
    }
    case "inconsistency": {
      const arithmetic = `${escapeFeedText(event.formula)}\n${s.expected}: **${formatNumber(event.expected, lang)}** · ${s.reported}: **${formatNumber(event.actual, lang)}**`;
      return {
        title: `${s.inconsistency}: ${metric}`,
        description: arithmetic,
        fields: event.claims.map((claim) => ({
          name: `${metricLabel(claim.metric, lang)}: ${formatValue(claim, lang)}`,
          value: `${whoSays(claim, lang, s)}\n${quote(claim.quote)}`,
        })),
        ...claimTimestamp(event.claims[event.claims.length - 1]),
      };
    }
    case "corroboration": {
      const { claim, report } = event;
      return {
        title: `${s.corroboration}: ${metric} ${formatValue(claim, lang)}`,
        ...claimLink(claim),
        fields: [
          { name: s.original, value: whoSays(claim, lang, s) },
          { name: s.alsoReportedBy, value: reportLine(report, lang) },
          { name: s.statement, value: quote(claim.quote) },
        ],
        ...claimTimestamp(claim),
      };
    }
    case "new_metric":
    case "projection":
    case "denial": {
      const { claim } = event;
      return {
        title: `${s[event.type]}: ${metric} ${formatValue(claim, lang)}`,
        ...claimLink(claim),
        fields: [
          { name: s.whoSays, value: whoSays(claim, lang, s) },
          { name: s.statement, value: quote(claim.quote) },
        ],
        ...claimTimestamp(claim),
      };
    }
  }
}

/** "11,000 (10,000 – 14,000), median of 3 sources: South Korea's NIS, JCS, unattributed" */
function consensusText(value: ConsensusValue, lang: Lang, s: AlertStrings): string {
  const n = (v: number) => formatNumber(v, lang);
  const range = value.low === value.high ? "" : ` (${n(value.low)} – ${n(value.high)})`;
  const sources = value.sources.map((id) =>
    isSourceId(id) ? escapeFeedText(sourceLabel(id, lang)) : escapeFeedText(sourceLabel(null, lang)),
  );
  return `**${n(value.best)}**${range}, ${s.consensusOf(value.sources.length)}: ${sources.join(", ")}`;
}

/** "South Korea's NIS, via Yonhap: [the article's title](url) · 27 Feb 2025" */
export function whoSays(claim: Claim, lang: Lang, s: AlertStrings = ALERT_STRINGS[lang]): string {
  const outlet = claim.outlet ?? hostOf(claim.url);
  const link = claim.title
    ? `${escapeFeedText(outlet)}: ${maskedLink(claim.title, claim.url)}`
    : maskedLink(outlet, claim.url);
  const line = `**${escapeFeedText(sourceLabel(claim.source, lang))}**, ${s.via} ${link}`;
  const date = formatDate(claim.date ?? claim.publishedAt, lang);
  return date ? `${line} · ${date}` : line;
}

function reportLine(report: Report, lang: Lang): string {
  const link = maskedLink(report.outlet ?? report.title ?? hostOf(report.url), report.url);
  const date = formatDate(report.publishedAt, lang);
  return date ? `${link} · ${date}` : link;
}

/** The sentence a figure came from as a block quote; feed text, so escaped and on one line. */
export function quote(text: string): string {
  return `> ${escapeFeedText(text.replace(/\s+/g, " ").trim())}`;
}

function claimLink(claim: Claim): { url?: string } {
  const url = safeUrl(claim.url);
  return url ? { url } : {};
}

function claimTimestamp(claim: Claim | undefined): { timestamp?: string } {
  const when = claim?.publishedAt ?? (claim?.date ? `${claim.date}T00:00:00Z` : null);
  if (!when) return {};
  const parsed = new Date(when);
  return Number.isNaN(parsed.getTime()) ? {} : { timestamp: parsed.toISOString() };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** One line naming an alert, for digests and logs. */
export function headline(alert: Alert, lang: Lang): string {
  const s = ALERT_STRINGS[lang];
  if (isFeedNotice(alert)) return `${s[alert.type]}: ${escapePlainText(alert.feedUrl)}`;
  const metric = metricLabel(alert.metric, lang);
  switch (alert.type) {
    case "estimate_changed":
      return alert.consensus
        ? `${metric}: ${s.consensusWord} ${formatNumber(alert.consensus.from.best, lang)} → ${formatNumber(alert.consensus.to.best, lang)}`
        : `${metric}: ${formatValue(alert.previous, lang)} → ${formatValue(alert.current, lang)}`;
    case "conflict":
      return `${s.conflict}: ${metric}`;
    case "inconsistency":
      return `${s.inconsistency}: ${metric}`;
    case "corroboration":
    case "new_metric":
    case "projection":
    case "denial":
      return `${s[alert.type]}: ${metric} ${formatValue(alert.claim, lang)}`;
  }
}

/** Who said it, in one or two lines, for digests. */
function summary(alert: Alert, lang: Lang): string {
  const s = ALERT_STRINGS[lang];
  if (isFeedNotice(alert)) return escapeFeedText(alert.reason ?? "-");
  switch (alert.type) {
    case "estimate_changed":
      return whoSays(alert.current, lang, s);
    case "conflict":
      return alert.claims.map((c) => `${formatValue(c, lang)}: ${whoSays(c, lang, s)}`).join("\n");
    case "inconsistency":
      return `${escapeFeedText(alert.formula)} (${s.expected} ${formatNumber(alert.expected, lang)}, ${s.reported} ${formatNumber(alert.actual, lang)})`;
    case "corroboration":
      return reportLine(alert.report, lang);
    case "new_metric":
    case "projection":
    case "denial":
      return whoSays(alert.claim, lang, s);
  }
}
