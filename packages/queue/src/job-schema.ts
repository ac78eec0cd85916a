import { z } from "zod";

/** A job payload that does not match its queue's schema; never worth retrying. */
export class InvalidJobError extends Error {
  override name = "InvalidJobError";
}

/** Validates a payload against its queue's schema, naming the queue and every bad field. */
export function parseJob<S extends z.ZodType>(queueName: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidJobError(`invalid ${queueName} job: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
