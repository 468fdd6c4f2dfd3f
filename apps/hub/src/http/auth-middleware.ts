import type { Role } from '@giliran/protocol';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { HubError } from '../hub-error.ts';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** 401 without a valid token; 403 when the role may not use the route at all. */
export function requireRole(auth: AuthService, roles: readonly Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const actor = auth.authenticate(bearerToken(req.headers.authorization));
    if (!actor) {
      next(new HubError('UNAUTHENTICATED'));
      return;
    }
    if (!roles.includes(actor.role)) {
      next(new HubError('FORBIDDEN'));
      return;
    }
    req.actor = actor;
    next();
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new HubError('UNAUTHENTICATED');
  return req.actor;
}
