import { cpus } from "node:os";
import { extractionBench } from "./extraction";
import { growthBench } from "./growth";
import { load } from "./measure";
import { pipelineBench } from "./pipeline";
import { pollingBench } from "./polling";

/**
 * `pnpm bench [name ...] [--quick]`: runs every benchmark, or those named, one after another.
 * Benchmarks print figures and ratios; they never fail on a time.
 */
const BENCHMARKS = [extractionBench, pipelineBench, pollingBench, growthBench];

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: pnpm bench [name ...] [--quick]\n");
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(12)} ${b.about}`);
  console.log("\n  --quick      smaller sizes, for a quick look");
  process.exit(0);
}
const quick = args.includes("--quick");
const names = args.filter((a) => !a.startsWith("-"));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(", ")}; one of: ${BENCHMARKS.map((b) => b.name).join(", ")}`,
  );
  process.exit(2);
}

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${load()}${quick ? ", --quick" : ""}`,
);
for (const bench of BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name))) {
  console.log(`\n=== ${bench.name}: ${bench.about}`);
  const started = performance.now();
  await bench.run({ quick });
  console.log(`(${bench.name} took ${((performance.now() - started) / 1000).toFixed(0)} s, ${load()})`);
}
