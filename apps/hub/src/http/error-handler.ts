import { apiError, ERRORS, type ApiErrorBody } from '@giliran/protocol';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { HubError } from '../hub-error.ts';

interface BodyParserError {
  type?: string;
  status?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error;
}

/** Maps any failure to the wire error shape; unexpected ones are logged and answered as INTERNAL without details. */
export function errorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response<ApiErrorBody>, _next: NextFunction): void => {
    let body = apiError('INTERNAL');
    if (error instanceof HubError) body = error.toApiError();
    else if (isBodyParserError(error) && error.type === 'entity.too.large')
      body = apiError('PAYLOAD_TOO_LARGE');
    else if (isBodyParserError(error) && error.type === 'entity.parse.failed')
      body = apiError('VALIDATION_FAILED', [{ path: '', message: 'body is not valid JSON' }]);
    else logger.error({ err: error }, 'unhandled error');
    res.status(ERRORS[body.code].status).json({ error: body });
  };
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HubError('NOT_FOUND'));
}
