import type { Claim, FeedHealth, Lang, MetricId, Subscription } from "@zw/core";
import {
  type Estimate,
  intervalOf,
  isCurrentReport,
  overlaps,
  representative,
  seriesKey,
} from "@zw/estimates";
import {
  type EmbedField,
  escapeFeedText,
  escapePlainText,
  fitMessage,
  formatDate,
  formatNumber,
  formatValue,
  headline,
  type MessageBody,
  maskedLink,
  metricLabel,
  sourceLabel,
  whoSays,
} from "@zw/format";
import { REPLIES } from "./replies";
import type { FeedPreview } from "./status";

const COLOR = 0x5865f2;

/** "3,000" or "1,100 – 3,000": the consensus range, or null when no non-party source spoke. */
function rangeText(estimate: Estimate, lang: Lang): string | null {
  const { consensus } = estimate;
  if (!consensus) return null;
  const n = (v: number) => formatNumber(v, lang);
  return consensus.low === consensus.high ? n(consensus.low) : `${n(consensus.low)} – ${n(consensus.high)}`;
}

/** "**2,000** (1,500 – 3,000) · 3 sources · 1 Sep 2025": the consensus in one line. */
function consensusLine(estimate: Estimate, lang: Lang): string | null {
  const { consensus } = estimate;
  if (!consensus) return null;
  const r = REPLIES[lang];
  const range = rangeText(estimate, lang);
  const date = formatDate(consensus.window?.to ?? null, lang);
  const parts = [
    `**${formatNumber(consensus.best, lang)}**${range === formatNumber(consensus.best, lang) ? "" : ` (${range})`}`,
  ];
  parts.push(r.sources(consensus.members.length));
  if (date) parts.push(date);
  return parts.join(" · ");
}

/** `/estimate`: every metric at a glance: the consensus, else what a party says. */
export function estimatesOverview(estimates: Estimate[], lang: Lang): MessageBody {
  const r = REPLIES[lang];
  const shown = estimates.filter((e) => e.consensus || e.parties.length > 0);
  if (shown.length === 0)
    return { embeds: [{ title: r.estimatesTitle, description: r.noEstimates, color: COLOR }] };
  const fields: EmbedField[] = shown.map((e) => {
    const parties = e.parties.map(
      (c) => `${escapeFeedText(sourceLabel(c.source, lang))}: ${formatValue(c, lang)}`,
    );
    const consensus = consensusLine(e, lang);
    return {
      name: metricLabel(e.metric, lang),
      value: [consensus ?? "-", ...(parties.length ? [`${r.parties}: ${parties.join("; ")}`] : [])].join(
        "\n",
      ),
    };
  });
  return fitMessage({
    embeds: [{ title: r.estimatesTitle, color: COLOR, fields, footer: { text: r.estimateFooter } }],
  });
}

/** Pairs of sources (parties included) whose latest claims cannot both be true. */
function openConflicts(estimate: Estimate, approxWiden: number): Array<[Claim, Claim]> {
  const pairs: Array<[Claim, Claim]> = [];
  const claims = [...estimate.bySource, ...estimate.parties];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (!overlaps(intervalOf(a, approxWiden), intervalOf(b, approxWiden))) pairs.push([a, b]);
    }
  }
  return pairs;
}

/**
 * The latest revision in `history` (oldest first): a current report whose value differs from the
 * one before it in the same source's series. Different sources differing is no change.
 */
export function lastChange(history: Claim[]): { before: Claim; after: Claim } | null {
  const reported = history.filter(isCurrentReport);
  for (let i = reported.length - 1; i > 0; i--) {
    const after = reported[i]!;
    const before = reported.slice(0, i).findLast((c) => seriesKey(c) === seriesKey(after));
    if (before && representative(after) !== representative(before)) return { before, after };
  }
  return null;
}

function claimLines(claims: Claim[], lang: Lang): string {
  return claims.map((c) => `**${formatValue(c, lang)}**: ${whoSays(c, lang)}`).join("\n");
}

/**
 * `/estimate metric`: the consensus (best, low–high, its window), each source's latest with its
 * date, then party claims, open conflicts, the last revision, projections and denials apart.
 */
export function estimateDetail(
  estimate: Estimate,
  history: Claim[],
  lang: Lang,
  approxWiden = 0.05,
): MessageBody {
  const r = REPLIES[lang];
  const title = metricLabel(estimate.metric, lang);
  const { consensus } = estimate;
  if (!estimate.current && estimate.projected.length === 0 && estimate.denied.length === 0) {
    return { embeds: [{ title, description: r.noClaims, color: COLOR }] };
  }
  const lines: string[] = [];
  if (consensus) lines.push(`${r.best}: **${formatNumber(consensus.best, lang)}**`);
  const range = rangeText(estimate, lang);
  if (range) lines.push(`${r.range}: ${range}`);
  if (consensus?.window)
    lines.push(`(${formatDate(consensus.window.from, lang)} – ${formatDate(consensus.window.to, lang)})`);
  if (estimate.region) lines.push(`${r.region}: ${escapeFeedText(estimate.region)}`);
  const fields: EmbedField[] = [{ name: r.bySource, value: claimLines(estimate.bySource, lang) || "-" }];
  if (estimate.parties.length) fields.push({ name: r.parties, value: claimLines(estimate.parties, lang) });
  const conflicts = openConflicts(estimate, approxWiden);
  fields.push({
    name: r.conflicts,
    value: conflicts.length
      ? conflicts
          .map(
            ([a, b]) =>
              `${formatValue(a, lang)} (${sourceLabel(a.source, lang)}) ↔ ${formatValue(b, lang)} (${sourceLabel(b.source, lang)})`,
          )
          .join("\n")
      : r.noConflicts,
  });
  const change = lastChange(history);
  if (change) {
    fields.push({
      name: r.lastChange,
      value: `${formatValue(change.before, lang)} → **${formatValue(change.after, lang)}**: ${whoSays(change.after, lang)}`,
    });
  }
  if (estimate.projected.length)
    fields.push({ name: r.projections, value: claimLines(estimate.projected, lang) });
  if (estimate.denied.length) fields.push({ name: r.denials, value: claimLines(estimate.denied, lang) });
  return fitMessage({ embeds: [{ title, description: lines.join("\n"), color: COLOR, fields }] });
}

/** `/history`: the claims over time, newest first so a cut drops the oldest. */
export function historyView(metric: MetricId, claims: Claim[], days: number, lang: Lang): MessageBody {
  const r = REPLIES[lang];
  const title = r.historyTitle(metricLabel(metric, lang), days);
  if (claims.length === 0) return { embeds: [{ title, description: r.historyNone(days), color: COLOR }] };
  const lines = [...claims].reverse().map((c) => {
    const date = formatDate(c.date ?? c.publishedAt, lang) ?? "?";
    const modality = c.modality === "reported" ? "" : ` _(${c.modality})_`;
    return `${date} · **${formatValue(c, lang)}**${modality} · ${escapeFeedText(sourceLabel(c.source, lang))} · ${maskedLink(c.outlet ?? "link", c.url)}`;
  });
  return fitMessage({ embeds: [{ title, description: lines.join("\n"), color: COLOR }] });
}

export function subscriptionsView(subscriptions: Subscription[], lang: Lang): MessageBody {
  const r = REPLIES[lang];
  if (subscriptions.length === 0) return { content: r.subscriptionsNone, embeds: [] };
  const fields = subscriptions.map((s, i) => {
    const parts = [
      `${r.events}: ${s.events.join(", ")}`,
      `${r.metrics}: ${s.metrics.length ? s.metrics.join(", ") : r.all}`,
      `${r.minChange}: ${formatNumber(s.minChange * 100, lang)} %`,
    ];
    if (s.roleId) parts.push(`${r.role}: <@&${s.roleId}>`);
    if (s.digest) parts.push(r.digestDaily);
    if (s.quietHours) parts.push(r.quiet(s.quietHours.from, s.quietHours.to));
    if (s.pausedReason) parts.push(r.paused(escapeFeedText(s.pausedReason)));
    // Field names do not render channel mentions, so the channel leads the value.
    return { name: `${r.channel} ${i + 1}`, value: `<#${s.channelId}>\n${parts.join("\n")}` };
  });
  return fitMessage({ embeds: [{ title: r.subscriptionsTitle, color: COLOR, fields }] });
}

export interface StatusFacts {
  feedUrls: string[];
  health: FeedHealth[];
  queues: Record<string, number>;
  lastAlertAt: string | null;
}

export function statusView(facts: StatusFacts, lang: Lang): MessageBody {
  const r = REPLIES[lang];
  const byUrl = new Map(facts.health.map((h) => [h.url, h]));
  const failing = facts.feedUrls
    .map((u) => byUrl.get(u))
    .filter((h): h is FeedHealth => !!h && h.consecutiveFailures > 0);
  const unknown = facts.feedUrls.filter((u) => !byUrl.has(u)).length;
  const ok = facts.feedUrls.length - failing.length - unknown;
  const fields: EmbedField[] = [{ name: r.feedsField, value: r.feedsOk(ok, failing.length, unknown) }];
  for (const h of failing.slice(0, 20)) {
    fields.push({
      name: r.failingField(escapePlainText(h.url)),
      value: `${escapeFeedText(h.lastError ?? "?")}\n${r.failures(h.consecutiveFailures, formatDate(h.lastSuccessAt, lang))}`,
    });
  }
  const queues = Object.entries(facts.queues)
    .map(([name, depth]) => `${name}: ${depth}`)
    .join(" · ");
  fields.push({ name: r.queuesField, value: queues || "-" });
  fields.push({
    name: r.lastAlertField,
    value: facts.lastAlertAt ? `<t:${Math.floor(Date.parse(facts.lastAlertAt) / 1000)}:R>` : r.never,
  });
  return fitMessage({ embeds: [{ title: r.statusTitle, color: COLOR, fields }] });
}

export function previewView(url: string, preview: FeedPreview, lang: Lang): MessageBody {
  const r = REPLIES[lang];
  const fields: EmbedField[] = preview.matching.slice(0, 10).map((item) => {
    const figures = item.figures.length
      ? item.figures
          .map(
            (f) =>
              `${metricLabel(f.metric, lang)}: **${formatValue(f, lang)}** (${sourceLabel(f.source, lang)})`,
          )
          .join("\n")
      : r.previewNoFigures;
    const alerts = item.events.map((e) => `→ ${headline(e, lang)}`).join("\n");
    return {
      name: escapePlainText(item.title ?? item.url),
      value: [maskedLink("link", item.url), figures, alerts].filter(Boolean).join("\n"),
    };
  });
  const wouldAlert = preview.matching.some((i) => i.events.length > 0);
  return fitMessage({
    embeds: [
      {
        title: r.previewTitle(escapePlainText(preview.title ?? url)),
        description: `${r.previewSummary(preview.items, preview.matching.length)}\n${wouldAlert ? r.previewWouldAlert : r.previewNothing}`,
        color: COLOR,
        fields,
      },
    ],
  });
}

export function helpView(lang: Lang): MessageBody {
  const r = REPLIES[lang];
  return { embeds: [{ title: r.helpTitle, description: r.help, color: COLOR }] };
}
