import {
  CounsellingInput,
  DeclineVisitRequestInput,
  MilestoneInput,
  PermitInput,
  VisitInput,
  VisitRegisterInput,
  VisitRequestInput,
} from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

/** The mobile service unit's routes in the hub's OpenAPI document (README, "Mobile service unit"). */
export const MOBILE_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/visit-requests',
    summary: 'Visit requests, newest wished date first (readers)',
  },
  {
    method: 'post',
    path: '/api/visit-requests',
    summary: 'Record a written visit request or a business calling (coordinator, admin)',
    body: VisitRequestInput,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/visit-requests/{id}/decline',
    summary: 'Decline a request with its reason (coordinator, admin)',
    body: DeclineVisitRequestInput,
  },
  {
    method: 'post',
    path: '/api/visits',
    summary: 'Schedule a visit from a request or directly: surat tugas, crew of at most four, notice',
    body: VisitInput,
    status: 201,
  },
  { method: 'get', path: '/api/visits', summary: 'The schedule (query from, to)' },
  {
    method: 'get',
    path: '/api/visits/today',
    summary: "Today's visit, or null (the counter's register form)",
  },
  {
    method: 'get',
    path: '/api/visits/recap',
    summary: "The unit's month for the Dinas (query month=YYYY-MM, format json|xlsx)",
  },
  {
    method: 'get',
    path: '/api/visits/{id}',
    summary: 'A visit: milestones, registers (NIK and phone masked but for the coordinator), photos',
  },
  { method: 'post', path: '/api/visits/{id}/approve', summary: 'The Kepala Dinas approves a planned visit' },
  {
    method: 'post',
    path: '/api/visits/{id}/milestones/{milestone}',
    summary: 'Record a milestone of the day (departed … reported), judged against its standard',
    body: MilestoneInput,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/visits/{id}/register',
    summary: 'A visit-register entry; a complaint entry also files into the complaint register',
    body: VisitRegisterInput,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/visits/{id}/permits',
    summary: 'A permit issuance entry (13-digit NIB; never a password)',
    body: PermitInput,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/visits/{id}/counselling',
    summary: 'A counselling session: topic and people reached',
    body: CounsellingInput,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/visits/{id}/photos',
    summary: 'A photo of the activity; the body is the JPEG, PNG or WebP itself (query caption)',
    status: 201,
  },
  { method: 'get', path: '/api/visits/{id}/photos/{photoId}', summary: 'A photo of the visit' },
  {
    method: 'get',
    path: '/api/visits/{id}/report',
    summary: 'The visit report (query format json|pdf|xlsx): counts by purpose, permits issued, milestones',
  },
];
