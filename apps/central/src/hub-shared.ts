// What central shares with the hub as it is: the wire error, the error handler, the JSON body reader, the
// security headers, the request log and the PIN and token hashing (central PINs follow the hub's rules).
export { HubError as CentralError } from '../../hub/src/hub-error.ts';
export { errorHandler, notFound } from '../../hub/src/http/error-handler.ts';
export { jsonBody } from '../../hub/src/http/json-body.ts';
export { securityHeaders } from '../../hub/src/http/security.ts';
export { requestLog } from '../../hub/src/http/request-log.ts';
export { bearerToken } from '../../hub/src/http/auth-middleware.ts';
export { hashPin, newToken, sha256, verifyPin } from '../../hub/src/auth/secrets.ts';
export { systemClock, type Clock } from '../../hub/src/clock.ts';
export { parse } from '../../hub/src/commands/command-bus.ts';
