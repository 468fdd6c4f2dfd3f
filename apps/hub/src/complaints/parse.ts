import type { z } from 'zod';
import { validationError } from '../commands/command-bus.ts';

/** A request body or query through its wire schema; a refusal is the usual VALIDATION_FAILED with the fields. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
