/** Counts of one slice of the dev set: found (true positives), missed, spurious. */
export interface Tally {
  found: number;
  missed: number;
  spurious: number;
}

export function f1(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.found + t.spurious ? t.found / (t.found + t.spurious) : 0;
  const recall = t.found + t.missed ? t.found / (t.found + t.missed) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Per-metric tallies from the verbose report of ../shared/eval/score.mjs: its lines "  found
 * METRIC …", "  missed METRIC …", "  spurious METRIC …" under "# ID" headers.
 */
export function tallyByMetric(report: string): Map<string, Tally> {
  const byMetric = new Map<string, Tally>();
  for (const line of report.split("\n")) {
    const m = /^\s+(found|missed|spurious)\s+(\S+)/.exec(line);
    if (!m) continue;
    const tally = byMetric.get(m[2]!) ?? { found: 0, missed: 0, spurious: 0 };
    tally[m[1] as keyof Tally]++;
    byMetric.set(m[2]!, tally);
  }
  return byMetric;
}
