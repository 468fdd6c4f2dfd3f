import { ReportChainSignResult, ReportChainView, SignReportChainRequest } from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

/** The report chain's routes in the hub's OpenAPI document. */
export const REPORT_CHAIN_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/report-chain',
    summary:
      'The report chain (SOP 9–13) of a service day, ?date=YYYY-MM-DD (today by default; a future day is refused): each step with who, when, elapsed against its standard, late; each gerai’s recap',
    response: ReportChainView,
  },
  {
    method: 'post',
    path: '/api/report-chain/{date}/steps/{step}',
    summary:
      'Sign step 9 (gerai recap: its officer, FO or MOD; agencyId), 10 (FO; missingAgencyIds + note when a gerai is missing), 11 (MOD; report), 12 (coordinator) or 13 (Sekdis)',
    body: SignReportChainRequest,
    response: ReportChainSignResult,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/report-chain/{date}/receipt',
    summary: 'The Kepala Dinas acknowledges receipt of the report (after step 13; untimed)',
    body: SignReportChainRequest,
    response: ReportChainSignResult,
    status: 201,
  },
];
