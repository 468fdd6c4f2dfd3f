import type { LocalizedMessage } from './wire.ts';
import type {
  ApiErrorBody,
  ServiceView,
  SiteView,
  SkmSubmitted,
  SkmTicketView,
  SubmitSkmRequest,
} from './wire.ts';
import type { SurveyConfig } from './survey-config.ts';

/** An answer of the hub: its data, or its coded bilingual refusal (NETWORK when it could not be reached). */
export type Outcome<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly code: string; readonly message: LocalizedMessage | null };

async function call<T>(
  config: SurveyConfig,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  key?: string,
): Promise<Outcome<T>> {
  const headers: Record<string, string> = {};
  if (config.deviceToken !== null) headers.authorization = `Bearer ${config.deviceToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key !== undefined) headers['idempotency-key'] = key;
  try {
    const response = await fetch(new URL(path, config.hubUrl), {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (response.ok) return { ok: true, data: parsed as T };
    const error = (parsed as ApiErrorBody | null)?.error;
    return { ok: false, code: error?.code ?? 'HTTP', message: error?.message ?? null };
  } catch {
    return { ok: false, code: 'NETWORK', message: null };
  }
}

export function lookUpTicket(config: SurveyConfig, ref: string): Promise<Outcome<SkmTicketView>> {
  return call(config, 'GET', `/api/survey/tickets/${encodeURIComponent(ref)}`);
}

/** One questionnaire, one key: a retry after a lost answer is recognised instead of counted twice. */
export function submitSurvey(
  config: SurveyConfig,
  body: SubmitSkmRequest,
  key: string,
): Promise<Outcome<SkmSubmitted>> {
  return call(config, 'POST', '/api/survey/responses', body, key);
}

/** Kiosk devices only: the services to choose from without a ticket, and the site's name for the top bar. */
export function loadServices(config: SurveyConfig): Promise<Outcome<ServiceView[]>> {
  return call(config, 'GET', '/api/services');
}

export function loadSite(config: SurveyConfig): Promise<Outcome<SiteView>> {
  return call(config, 'GET', '/api/site');
}
