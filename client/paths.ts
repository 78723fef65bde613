// The API paths of the pairings endpoints, built one way for the suites, the preflight and the cleanup sweep.
// The account id keeps its "sis_account_id:" colon (lib/api.rb's prefixed ids); everything else is encoded.

const COLLECTION = "temporary_enrollment_pairings";

/** /api/v1/accounts/:account_id/temporary_enrollment_pairings */
export function collectionPath(accountId: string): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId).replace(/%3A/gi, ":")}/${COLLECTION}`;
}

/** /api/v1/accounts/:account_id/temporary_enrollment_pairings/:id */
export function itemPath(accountId: string, id: string): string {
  return `${collectionPath(accountId)}/${encodeURIComponent(id)}`;
}
