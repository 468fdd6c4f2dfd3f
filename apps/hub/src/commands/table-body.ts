import { z } from 'zod';

/**
 * A command's body as the dispatcher hands it to its feature: the raw value with the schema `RECORD_COMMANDS` names
 * for it. The one parse-or-throw (`parse` in command-bus.ts) opens it only with that schema, or with that schema
 * piped into a transform (a setting's value taken out of its body), so a feature cannot validate a command with a
 * schema of its own that drifts from the table (and from the OpenAPI document made from the table).
 */
export class TableBody {
  /** Whether the feature has parsed it: the dispatcher checks after the handler. */
  parsed = false;

  constructor(
    readonly command: string,
    readonly schema: z.ZodType,
    readonly raw: unknown,
  ) {}

  /** The raw value, for a parse with `schema`; anything but the table's schema is a programming error. */
  open(schema: z.ZodType): unknown {
    const fromTable = schema === this.schema || (schema instanceof z.ZodPipe && schema.in === this.schema);
    if (!fromTable)
      throw new Error(
        `${this.command} parses its body with a schema other than RECORD_COMMANDS names for it`,
      );
    this.parsed = true;
    return this.raw;
  }
}
