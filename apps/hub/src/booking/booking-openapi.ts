import {
  BookingMoveRequest,
  BookingOptions,
  BookingRequest,
  BookingView,
  CheckInRequest,
  IssuedTicket,
  SlotsView,
} from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

export const BOOKING_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/booking/options',
    summary: 'Agencies and services that take online bookings, with requirements and bookable days (public)',
    response: BookingOptions,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/booking/slots',
    summary: 'Sessions of a service on a date (?serviceId=&date=YYYY-MM-DD) with the places left (public)',
    response: SlotsView,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/bookings',
    summary: 'Book a session: a code, a signed QR token and the check-in window (public)',
    body: BookingRequest,
    response: BookingView,
    status: 201,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/bookings/{code}',
    summary: 'A booking by its code; the phone masked (public)',
    response: BookingView,
    auth: false,
  },
  {
    method: 'delete',
    path: '/api/bookings/{code}',
    summary: 'Cancel a booking by its code (public)',
    response: BookingView,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/bookings/{code}/move',
    summary: 'Move a booking to another date or session of its service (public)',
    body: BookingMoveRequest,
    response: BookingView,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/bookings/{code}/check-in',
    summary:
      'Check a booking in by its code or its QR token: the ticket, marked booked (kiosk, FO, managers)',
    body: CheckInRequest,
    response: IssuedTicket,
    status: 201,
  },
];
