/**
 * Schema version 15 (issue 18): each outbox message keeps the values its text was filled with (JSON), so the
 * WhatsApp channel can send it as an approved template with those values as the template's parameters (Meta's rule
 * for messages outside the 24-hour window). Erased with the rest of the message after the keeping period.
 */
export const SCHEMA_V15 = `
ALTER TABLE message_outbox ADD COLUMN variables TEXT;
`;
