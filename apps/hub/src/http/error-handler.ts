import { apiError, ERRORS, type ApiError, type ApiErrorBody } from '@giliran/protocol';
import { logUrl } from './log-url.ts';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HubError } from '../hub-error.ts';

interface HttpError {
  type?: string;
  status?: number;
}

function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && ('type' in error || 'status' in error);
}

/** Express and body-parser reject malformed requests (bad encoding, charset, path escapes) with 4xx errors. */
function clientError(error: unknown): ApiError | null {
  if (!isHttpError(error) || typeof error.status !== 'number' || error.status < 400 || error.status >= 500) {
    return null;
  }
  if (error.status === 413) return apiError('PAYLOAD_TOO_LARGE');
  const message = error.type === 'entity.parse.failed' ? 'body is not valid JSON' : 'malformed request';
  return apiError('VALIDATION_FAILED', [{ path: '', message }]);
}

/**
 * Refusals that are the hub shedding load as designed, not a client's mistake: sixty browsers retrying refused
 * exports would write a warning line per retry on the loop that issues tickets.
 */
const QUIET_REFUSALS: ReadonlySet<ApiError['code']> = new Set(['EXPORT_BUSY']);

/**
 * Maps any failure to the wire error shape and logs it: a refusal at warn with its code, an unexpected failure at
 * error with the error, answered as INTERNAL without details. Method and path only: never headers or bodies.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response<ApiErrorBody>, _next: NextFunction): void => {
    let body = apiError('INTERNAL');
    const client = clientError(error);
    if (error instanceof HubError) body = error.toApiError();
    else if (client) body = client;
    const statusCode = ERRORS[body.code].status;
    const request = { method: req.method, url: logUrl(req.originalUrl) };
    if (body.code === 'INTERNAL')
      logger.error({ err: error, req: request, res: { statusCode } }, 'unhandled error');
    else
      logger[QUIET_REFUSALS.has(body.code) ? 'debug' : 'warn'](
        { req: request, res: { statusCode }, code: body.code },
        'request refused',
      );
    if (error instanceof HubError && error.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    }
    res.status(statusCode).json({ error: body });
  };
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HubError('NOT_FOUND'));
}
