import type { Role, SettingsArea } from '@giliran/protocol';
import { ADMINS, MANAGERS } from '../auth/roles.ts';

/**
 * Who may change what. The floor is the managers' (MOD, coordinator, admin): what the displays say, which
 * counter serves what and when a service opens are decided during the day as the hall fills. The rules the
 * floor is measured by (SOP standard times, late-service compensation thresholds) come from the SOP and SK
 * 108/2024, so only the administrator changes them, as they do accounts and PINs: a manager cannot move the
 * bar their own hall is judged against, nor give themselves another account.
 */
const EDITORS: Readonly<Record<SettingsArea, readonly Role[]>> = {
  'running-text': MANAGERS,
  'counter-services': MANAGERS,
  'opening-hours': MANAGERS,
  'sop-standards': ADMINS,
  'late-service': ADMINS,
  accounts: ADMINS,
  // Online booking quotas are the floor's: MOD sets them as the hall's staffing changes.
  booking: MANAGERS,
  // The texts citizens receive and when: the floor's, as the running text is.
  messages: MANAGERS,
  // Which agencies, services and counters the hall has, and what the kiosk tells citizens of them (issue 14).
  hall: ADMINS,
};

export function mayEdit(role: Role, area: SettingsArea): boolean {
  return EDITORS[area].includes(role);
}

export function editableAreas(role: Role): Record<SettingsArea, boolean> {
  return {
    'running-text': mayEdit(role, 'running-text'),
    'counter-services': mayEdit(role, 'counter-services'),
    'opening-hours': mayEdit(role, 'opening-hours'),
    'sop-standards': mayEdit(role, 'sop-standards'),
    'late-service': mayEdit(role, 'late-service'),
    accounts: mayEdit(role, 'accounts'),
    booking: mayEdit(role, 'booking'),
    messages: mayEdit(role, 'messages'),
    hall: mayEdit(role, 'hall'),
  };
}
