import type { BookingFigures, BookingReport } from '@giliran/domain';
import type { BookingFiguresView, ReportBookings } from '@giliran/protocol';

// Pure, apart from the hub's tables: central names its copy of a site's booking section with it too.

/** The section with the site's service names, as the report's other sections name theirs. */
export function bookingSectionView(
  report: BookingReport,
  services: readonly { readonly id: string; readonly name: { id: string; en: string } }[],
): ReportBookings {
  const names = new Map(services.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => names.get(id) ?? { id, en: id };
  const copy = (f: BookingFigures): BookingFiguresView => ({
    booked: { ...f.booked },
    walkIn: { ...f.walkIn },
    bookings: { ...f.bookings },
    punctuality: { ...f.punctuality },
  });
  return {
    days: report.days.map((d) => ({
      day: d.day,
      serviceId: d.serviceId,
      name: nameOf(d.serviceId),
      ...copy(d),
    })),
    services: report.services.map((s) => ({ serviceId: s.serviceId, name: nameOf(s.serviceId), ...copy(s) })),
    total: copy(report.total),
  };
}
