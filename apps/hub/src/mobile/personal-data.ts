import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import type { ErasurePart } from '../messages/privacy-eraser.ts';

/**
 * UU 27/2022: a visitor's NIK and phone in the visit register are kept `keepDays` after the visit, then erased by
 * the hub's privacy eraser (the one that erases messages' numbers). They are blanked to null, what an entry without
 * them has, in the `visit:registered` events and in `visit_register` alike, so a rebuild from the log gives the same
 * rows. The name, purpose and outcome stay: the register and its report need them. Central never had either.
 */
export function visitRegisterErasure(db: Db, keepDays: () => number): ErasurePart {
  return {
    keepDays,
    erase: (day) =>
      db.transaction(() => {
        const visitRegisterEvents = sql(
          db,
          `UPDATE events SET payload = json_set(payload, '$.nik', NULL, '$.phone', NULL)
           WHERE type = 'visit:registered'
             AND json_extract(payload, '$.visitId') IN (SELECT id FROM visits WHERE date < ?)
             AND (json_extract(payload, '$.nik') IS NOT NULL OR json_extract(payload, '$.phone') IS NOT NULL)`,
        ).run(day).changes;
        sql(
          db,
          `UPDATE visit_register SET nik = NULL, phone = NULL
           WHERE visit_id IN (SELECT id FROM visits WHERE date < ?) AND (nik IS NOT NULL OR phone IS NOT NULL)`,
        ).run(day);
        return { visitRegisterEvents };
      })(),
  };
}
