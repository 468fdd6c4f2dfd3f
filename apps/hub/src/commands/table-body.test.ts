import { RECORD_COMMANDS } from '@giliran/protocol';
import { describe, expect, it } from 'vitest';
import { parse } from './command-bus.ts';
import { TableBody } from './table-body.ts';

const { body } = RECORD_COMMANDS['setting:running-text'];

describe('a command body from the table', () => {
  it("opens with the table's own schema, and with that schema piped into a transform", () => {
    expect(parse(body, new TableBody('setting:running-text', body, { text: ' Halo ' }))).toEqual({
      text: 'Halo',
    });
    const value = body.transform((b) => b.text);
    expect(parse(value, new TableBody('setting:running-text', body, { text: 'Halo' }))).toBe('Halo');
  });

  it('refuses a schema of its own, even one of the same shape, before anything is validated', () => {
    const lookalike = body.extend({});
    const wrapped = new TableBody('setting:running-text', body, { text: 'Halo' });
    expect(() => parse(lookalike, wrapped)).toThrow(/schema other than RECORD_COMMANDS/);
    expect(wrapped.parsed).toBe(false);
  });
});
