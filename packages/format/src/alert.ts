import type { Alert, Claim, Event, FeedHealthNotice, Lang, Report } from "@zw/core";
import { escapeFeedText, escapePlainText, maskedLink, safeUrl } from "./escape";
import { type Embed, type EmbedField, fitMessage, type MessageBody } from "./limits";
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
      const { previous, current, change } = event;
      const arrow = change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "=";
      const relative = change.relative === null ? "" : ` (${formatPercentChange(change.relative, lang)})`;
      return {
        title: `${metric}: ${formatValue(previous, lang)} → ${formatValue(current, lang)}`,
        ...claimLink(current),
        description: `${arrow} ${formatSignedNumber(change.absolute, lang)}${relative}`,
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
      return `${metric}: ${formatValue(alert.previous, lang)} → ${formatValue(alert.current, lang)}`;
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
