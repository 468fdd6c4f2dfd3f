// The page's view of central's wire contract: types only, so no schema code is bundled into the page.
export type {
  CentralCompensationView,
  CentralSiteView,
  CentralTicketView,
  CentralVisitInput,
  CentralVisitView,
  DayFigures,
  RegionSections,
  ReportView,
  SiteStatus,
} from '@giliran/protocol';
