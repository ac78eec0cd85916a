import { createInterface } from "node:readline";

/**
 * Reads JSON Lines from `input`, answers each with one line on `output`, in order.
 * A line that is not JSON, or that `answer` rejects, gets {"id", "error"} and the run goes on.
 */
export async function mapJsonLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  answer: (line: unknown) => object,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let parsed: unknown;
    let reply: object;
    try {
      parsed = JSON.parse(line);
      reply = answer(parsed);
    } catch (error) {
      reply = { id: idOf(parsed), error: error instanceof Error ? error.message : String(error) };
    }
    if (!output.write(`${JSON.stringify(reply)}\n`)) {
      await new Promise((ok) => output.once("drain", ok));
    }
    parsed = undefined;
  }
}

function idOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "id" in value ? (value as { id: unknown }).id : null;
}
