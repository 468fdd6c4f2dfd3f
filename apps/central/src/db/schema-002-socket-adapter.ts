/**
 * The Socket.IO PostgreSQL adapter (@socket.io/postgres-adapter) sends broadcasts between central processes with
 * NOTIFY; a payload over NOTIFY's 8000 bytes goes through this table, which the adapter cleans up itself.
 */
export const SCHEMA_002 = `
CREATE TABLE socket_io_attachments (
  id BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT now(),
  payload BYTEA
);
`;
