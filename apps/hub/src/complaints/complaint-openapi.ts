import {
  CalendarYearsView,
  ComplaintCategoriesRequest,
  ComplaintCategoryRequest,
  ComplaintCategoryRule,
  ComplaintList,
  ComplaintStatusRequest,
  ComplaintView,
  HolidaysRequest,
  HolidayView,
  PublicComplaintChallenge,
  PublicComplaintForm,
  PublicComplaintRequest,
  PublicComplaintStatus,
  StaffComplaintRequest,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Operation } from '../http/openapi.ts';

/** The complaint register's routes in the hub's OpenAPI document. */
export const COMPLAINT_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/public/complaints/form',
    summary: 'What the public complaint form offers: site name, time zone, agencies',
    response: PublicComplaintForm,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/public/complaints/challenge',
    summary: "The form's proof of work: a signed challenge and the zero bits its nonce must give",
    response: PublicComplaintChallenge,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/public/complaints',
    summary:
      'File a complaint from the /pengaduan form (no sign-in; proof of work in x-pow-challenge and x-pow-nonce; ' +
      'rate-limited per device (x-device-id) and per address); answers its code',
    body: PublicComplaintRequest,
    response: PublicComplaintStatus,
    status: 201,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/public/complaints/{code}',
    summary: 'Follow a complaint by its code: status, dates, deadline and answer, no personal data',
    response: PublicComplaintStatus,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/complaints',
    summary:
      'The register (newest first, with the hub time): ?status=received|verified|in_follow_up|answered|closed|spam|open, category, channel, agencyId, late=true|false, q',
    response: ComplaintList,
  },
  {
    method: 'post',
    path: '/api/complaints',
    summary: 'Enter a complaint from another channel (FO, MOD): in person, phone, box, e-mail, SP4N-LAPOR',
    body: StaffComplaintRequest,
    response: ComplaintView,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/complaints/{id}',
    summary: 'A complaint with its history (who, when, note)',
    response: ComplaintView,
  },
  {
    method: 'post',
    path: '/api/complaints/{id}/status',
    summary:
      'Move a complaint on (MOD): verified, in_follow_up, answered (answer and its channel), closed, spam',
    body: ComplaintStatusRequest,
    response: ComplaintView,
  },
  {
    method: 'post',
    path: '/api/complaints/{id}/category',
    summary: 'Set the category (MOD) while the answer is owed: the deadline is counted again from receipt',
    body: ComplaintCategoryRequest,
    response: ComplaintView,
  },
  {
    method: 'get',
    path: '/api/complaints/categories',
    summary: 'Deadline rule per category (hours on the clock or working days)',
    response: z.array(ComplaintCategoryRule),
  },
  {
    method: 'put',
    path: '/api/complaints/categories',
    summary: 'Change the deadline rules (admin); open complaints get their deadlines counted again',
    body: ComplaintCategoriesRequest,
    response: z.array(ComplaintCategoryRule),
  },
  {
    method: 'get',
    path: '/api/calendar/holidays',
    summary: 'National holidays and cuti bersama, ?year=YYYY',
    response: z.array(HolidayView),
  },
  {
    method: 'put',
    path: '/api/calendar/holidays',
    summary: "Replace one year's holidays and cuti bersama (MOD, admin); open complaints' deadlines follow",
    body: HolidaysRequest,
    response: z.array(HolidayView),
  },
  {
    method: 'get',
    path: '/api/calendar/years',
    summary:
      "This year's and next year's calendar, confirmed or not; from 1 October, next year when it is not confirmed",
    response: CalendarYearsView,
  },
  {
    method: 'post',
    path: '/api/calendar/years/{year}/confirm',
    summary:
      "Confirm a year's holidays and cuti bersama as the SKB publishes them (MOD, admin); deadlines recounted",
    response: CalendarYearsView,
  },
];
