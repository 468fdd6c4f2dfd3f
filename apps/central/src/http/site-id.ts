import { z } from 'zod';

/**
 * A site id (or booking code) in a central route's path. PostgreSQL text holds no NUL, so an id with a control
 * character is refused here with a coded error, never sent to the database (where it answered 500).
 */
export const SiteId = z
  .string()
  .min(1)
  .max(64)
  .refine((id) => !/\p{Cc}/u.test(id), 'control character');
