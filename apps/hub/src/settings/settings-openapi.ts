import {
  AccountView,
  AuditEntry,
  CounterServicesSetting,
  CreateAccountRequest,
  LateServiceSetting,
  PinResetRequest,
  RunningTextSetting,
  ServiceHoursSetting,
  ServiceStandardsSetting,
  SettingsView,
  SiteHoursSetting,
  SiteStandardsSetting,
  UpdateAccountRequest,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Operation } from '../http/openapi.ts';
import { BookingCapacitySetting, BookingOptionsSetting } from '../config/booking-settings.ts';

const put = (path: string, summary: string, body: z.ZodType): Operation => ({
  method: 'put',
  path,
  summary,
  body,
  response: SettingsView,
});

/** The settings routes in the API description; each PUT answers with the settings as they now are. */
export const SETTINGS_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/settings',
    summary: 'The effective settings and which areas the caller may change (MOD, coordinator, admin)',
    response: SettingsView,
  },
  put('/api/settings/running-text', 'Running text of the displays (managers)', RunningTextSetting),
  put('/api/settings/late-service', 'Late-service compensation tiers (admin)', LateServiceSetting),
  put(
    '/api/settings/sop-standards',
    "The site's SOP standard minutes, steps 1–13 (admin)",
    SiteStandardsSetting,
  ),
  put(
    '/api/settings/sop-standards/{id}',
    "A service's own standard minutes, steps 1–8; {} follows the site's (admin)",
    ServiceStandardsSetting,
  ),
  put(
    '/api/settings/counters/{id}',
    'The services a counter serves (managers); 409 SERVICE_UNCOVERED would strand waiting tickets',
    CounterServicesSetting,
  ),
  put('/api/settings/opening-hours', "The hall's opening hours (managers)", SiteHoursSetting),
  put(
    '/api/settings/opening-hours/{id}',
    "A service's own opening hours; null keeps the hall's (managers)",
    ServiceHoursSetting,
  ),
  put(
    '/api/settings/booking/{id}',
    "A service's online booking capacity per session; its walk-in share is never booked (managers)",
    BookingCapacitySetting,
  ),
  put(
    '/api/settings/booking-options',
    "Online booking's walk-in share, open bookings per WhatsApp number and no-show block (managers)",
    BookingOptionsSetting,
  ),
  {
    method: 'get',
    path: '/api/accounts',
    summary: 'Staff accounts (managers)',
    response: z.array(AccountView),
  },
  {
    method: 'post',
    path: '/api/accounts',
    summary: 'Create an account with its PIN (admin)',
    body: CreateAccountRequest,
    response: AccountView,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/accounts/{username}',
    summary: 'Rename, change counters, disable or enable; disabling ends its sessions at once (admin)',
    body: UpdateAccountRequest,
    response: AccountView,
  },
  {
    method: 'post',
    path: '/api/accounts/{username}/pin',
    summary: 'Set a new PIN; the old one and every session of the account stop working (admin)',
    body: PinResetRequest,
    response: AccountView,
  },
  {
    method: 'get',
    path: '/api/audit',
    summary:
      'Audit trail of settings and accounts, newest first (?from, ?to: day or instant; ?area; ?limit ≤ 1000)',
    response: z.array(AuditEntry),
  },
];
