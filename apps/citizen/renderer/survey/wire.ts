// The page's view of the wire contract: types only, so no schema code is bundled into the survey page.
export type {
  ApiErrorBody,
  LocalizedMessage,
  ServiceView,
  SiteView,
  SkmSubmitted,
  SkmTicketView,
  SubmitSkmRequest,
} from '@giliran/protocol';
