import { readFileSync } from "node:fs";

/**
 * Summarises a V8 CPU profile (node --cpu-prof): the functions with the most time spent in them
 * and below them, as shares of the busy (not idle) time, optionally filtered by a pattern.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/run.ts extraction --quick
 *   pnpm exec tsx bench/cpu-profile.ts /tmp/prof/<the *.0.001.cpuprofile, the main thread> [pattern] [rows]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, pattern = "packages/|services/", rows = "30"] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/cpu-profile.ts FILE.cpuprofile [pattern] [rows]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

const nameOf = ({ callFrame: f }: ProfileNode) =>
  `${f.functionName || "(anonymous)"} ${f.url
    .replace(/^file:\/\/.*?\/(packages|services|bench)\//, "$1/")
    .replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, "$1")}`;

// Time in a function and below it; a recursive function counts once per stack.
const inclusive = new Map<string, number>();
const selfByName = new Map<string, number>();
const walk = (id: number, onStack: Set<string>): number => {
  const node = byId.get(id)!;
  const name = nameOf(node);
  const own = self.get(id) ?? 0;
  selfByName.set(name, (selfByName.get(name) ?? 0) + own);
  const outer = !onStack.has(name);
  if (outer) onStack.add(name);
  let total = own;
  for (const child of node.children ?? []) total += walk(child, onStack);
  if (outer) {
    onStack.delete(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + total);
  }
  return total;
};
walk(profile.nodes[0]!.id, new Set());

const idle = [...selfByName].filter(([n]) => n.startsWith("(idle)")).reduce((sum, [, t]) => sum + t, 0);
const busy = profile.timeDeltas.reduce((a, b) => a + b, 0) - idle;
const filter = new RegExp(pattern);
const top = (times: Map<string, number>) =>
  [...times]
    .filter(([name]) => filter.test(name) || name.startsWith("(garbage"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([name, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)} %  ${name}`)
    .join("\n");
console.log(`busy ${(busy / 1e6).toFixed(1)} s\n\nin and below (inclusive):\n${top(inclusive)}`);
console.log(`\nin the function itself (self):\n${top(selfByName)}`);
