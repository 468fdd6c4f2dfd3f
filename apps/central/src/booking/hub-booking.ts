// What central's online booking shares with the hub's as it is: the signed QR token, its SVG drawing, the booking
// code and phone mask, and the per-address rate limit. One implementation, so a hub reads central's QR as its own.
export { BookingSigner, keyId } from '../../../hub/src/booking/booking-token.ts';
export {
  bookingView,
  maskPhone,
  qrSvg,
  randomBookingCode,
} from '../../../hub/src/booking/booking-service.ts';
export { BOOKINGS_PER_ADDRESS_10_MIN } from '../../../hub/src/booking/booking-routes.ts';
export { RateLimiter } from '../../../hub/src/commands/rate-limiter.ts';
