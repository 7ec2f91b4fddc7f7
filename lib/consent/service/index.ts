/**
 * What the consent routes do, without Next: whose receipts a request may touch (access.ts), what a
 * choice becomes (choices.ts), the visitor's own record (records.ts). The route handlers only parse
 * HTTP and answer.
 */
export {recordFormChoice, recordReceipt} from './choices';
export {deleteReceipts, parseConsentId, receiptsOf} from './records';
