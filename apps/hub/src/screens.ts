import type { Logger } from 'pino';

/** Every screen of the hall, who it is for, and its path: the landing page and the start log list them. */
export const SCREENS = [
  { path: '/kiosk', who: 'kiosk (touch screen at the entrance): take a ticket' },
  { path: '/display', who: 'waiting-room TV: calls, queues, running text' },
  { path: '/counter', who: 'counter officer: call, SOP steps, finish' },
  { path: '/fo', who: 'front office desk: issue, reprint, cancel, put back in line, look up' },
  { path: '/mod', who: 'manager on duty, admin, reports, SKM, complaints, settings' },
  { path: '/survey', who: 'citizen: the SKM survey (with the ticket code)' },
  { path: '/pengaduan', who: 'citizen: complaint form' },
] as const;

/** One line per screen at start, so an installer knows which address to open on which PC. */
export function logScreens(logger: Logger, baseUrl: string): void {
  for (const screen of SCREENS) logger.info({ url: `${baseUrl}${screen.path}` }, `screen: ${screen.who}`);
}
