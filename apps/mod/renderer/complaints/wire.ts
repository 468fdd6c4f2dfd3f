// The tab's view of the wire contract: types only, so no schema code is bundled into the page.
export type {
  CalendarYearsView,
  ComplaintCategory,
  ComplaintCategoryRule,
  ComplaintChannel,
  ComplaintHistoryEntry,
  ComplaintList,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintView,
  HolidayKind,
  HolidayView,
  StaffComplaintRequest,
} from '@giliran/protocol';
