import { CYCLE_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { formatMoneyLv } from '@ikt/shared/money';
import type { Catalogue } from './lv';

/** The same codes as `lv.ts`, in English. */
export const en: Catalogue = {
  'title.400': 'Bad request',
  'title.401': 'Sign-in required',
  'title.403': 'Forbidden',
  'title.404': 'Not found',
  'title.405': 'Method not allowed',
  'title.408': 'Request timeout',
  'title.409': 'Conflict',
  'title.412': 'The data has changed meanwhile',
  'title.413': 'Request too large',
  'title.414': 'Address too long',
  'title.415': 'Unsupported media type',
  'title.422': 'Unprocessable content',
  'title.428': 'Precondition required',
  'title.429': 'Too many requests',
  'title.431': 'Request headers too large',
  'title.500': 'Internal server error',
  'title.503': 'Service unavailable',
  'title.invalid-credentials': 'Wrong sign-in details',

  'problem.validation': 'The request data is not valid.',
  'problem.internal': 'An unexpected error occurred. Try again; if it persists, contact support.',
  'problem.unavailable': 'The database is not reachable at the moment. Try again shortly.',
  'problem.conflict': 'The change collided with someone else’s at the same moment, and nothing was saved. Try again.',
  'problem.noRoute': 'There is no such address.',

  'request.signInRequired': 'Sign-in required.',
  'request.crossSite': 'A request from another site was refused.',
  'request.versionRequired': 'Changes need an If-Match header with the record’s version (ETag).',
  'request.versionStale':
    'Someone else changed this record meanwhile. Reload the latest version and apply your change again.',
  'request.tooManyOfYours': ({ places }) =>
    `You already have ${places} exports or imports under way. Wait until one finishes, then try again.`,
  'request.serverBusy': 'The server is running too many exports and imports just now. Try again in a moment.',

  'field.required': 'Required',
  'field.unknownCode': 'Unknown code',
  'field.unknownInstitution': 'Unknown institution',
  'field.invalidInstitution': 'Invalid institution',
  'field.oneOf': ({ values }) => `Must be one of ${values.join(', ')}`,

  'auth.wrongCredentials': 'Wrong email or password.',
  'auth.tooManyForAccount': 'Too many failed sign-in attempts for this account. Try again later.',
  'auth.tooManyFromAddress': 'Too many sign-in attempts from this address at once. Try again in a moment.',
  'auth.samePassword': 'The new password is the same as the current one.',
  'auth.samePasswordField': 'Must differ from the current password',
  'auth.wrongCurrentPassword': 'The current password is wrong.',
  'auth.wrongPasswordField': 'Wrong password',
  'auth.sessionNotFound': 'Session not found.',

  'user.notFound': 'User not found.',
  'user.notAdmin': 'Users are managed by an administrator.',
  'user.leadNeedsInstitution': 'An institution lead needs an institution.',
  'user.onlyLeadHasInstitution': 'Only an institution lead has an institution.',
  'user.institutionMustBeEmpty': 'Must be empty for this role',
  'user.unknownInstitution': 'Unknown institution.',
  'user.emailTaken': 'A user with this email exists.',
  'user.cannotLockOutSelf': 'You cannot disable yourself or drop your own admin role.',

  'audit.notAllowed': 'The audit log is for ITC finance and administrators.',

  'reference.notAdmin': 'Reference data is maintained by an administrator.',
  'reference.codeTaken': 'This code exists already.',
  'reference.codeNotFound': 'Code not found.',
  'reference.institutionNotFound': 'Institution not found.',
  'reference.unknownParent': 'Unknown parent code.',
  'reference.ekkLevels': 'The EKK classification has four levels.',
  'reference.ekkFourthLevel': 'A fourth-level code has no children',
  'reference.groupNotSelectable': 'A group code cannot be used on items.',
  'reference.hasChildren': 'The code has child codes',

  'cycle.notFound': 'Budget cycle not found.',
  'cycle.notManager': 'Budget cycles are managed by ITC finance.',
  'cycle.yearTaken': 'A cycle for this year exists.',
  'cycle.baseNotEarlier': 'The base cycle must be an earlier cycle.',
  'cycle.baseInvalid': 'Invalid base cycle',
  'cycle.anotherRole': 'Another role makes this cycle transition.',
  'cycle.cannotMove': ({ from, to }) => `A cycle cannot move from "${from}" to "${to}".`,
  'cycle.notAllAccepted': ({ to, count }) =>
    `The cycle cannot move to “${CYCLE_STATUS_LABELS[to].en}”: not every sub-programme is accepted (not accepted: ${count}). Accept them or give the reason to go on (overrideReason).`,
  'cycle.notAcceptedSubProgramme': (sp) =>
    `${sp.code} ${sp.name} (${sp.institutionCode}): ${SUB_PROGRAMME_STATUS_LABELS[sp.status].en}`,
  'cycle.rolloverNotDraft': 'Rollover is possible while the cycle is in draft.',
  'cycle.noBase': 'The cycle has no base cycle.',
  'cycle.alreadyCarried': 'The base cycle’s items have already been carried into this cycle.',

  'budget.notOwner': 'This sub-programme is edited by its institution (the central one by ITC).',
  'budget.notReviewer': 'Items and sub-programmes are reviewed by ITC finance.',
  'budget.cycleNotOpen': 'The budget cycle is not open for changes now.',
  'budget.subProgrammeLocked':
    'The sub-programme is submitted or accepted; it can be changed only after it is returned.',
  'budget.itemNotReturned': 'Past the deadline only returned items can be changed.',
  'budget.itemCut': 'The item has been cut (cut scenario).',

  'subProgramme.notFound': 'Sub-programme not found.',
  'subProgramme.institutionRequired': 'An institution is required.',
  'subProgramme.invalidInstitution': 'Invalid institution.',
  'subProgramme.createClosed': 'Sub-programmes can be created while the cycle is in draft or open.',
  'subProgramme.codeOfInstitution':
    'A sub-programme code belongs to its institution: it begins with IKT and the institution’s code.',
  'subProgramme.codePrefix': ({ prefix }) => `The code must begin with ${prefix}`,
  'subProgramme.codeTaken': 'This cycle already has a sub-programme with this code (or already has the central one).',
  'subProgramme.noItems': 'The sub-programme has no items',
  'subProgramme.cannotSubmit': ({ problems }) =>
    `The sub-programme cannot be submitted: ${problems} problem(s) to fix.`,
  'subProgramme.cannotReturn':
    'A submitted or accepted sub-programme can be returned while the cycle is open or in review.',
  'subProgramme.cannotAccept': 'A submitted sub-programme can be accepted while the cycle is open or in review.',
  'subProgramme.hasReturnedItems': ({ count }) =>
    `The sub-programme cannot be accepted while it has returned items (${count}). Accept them or return the sub-programme.`,
  'subProgramme.returnedItem': ({ title }) => `${title}: returned`,
  'subProgramme.withdrawNotSubmitted':
    'Only a submitted sub-programme that ITC has not accepted or returned can be withdrawn.',
  'subProgramme.withdrawClosed':
    'A submission can be withdrawn while the cycle is open: past the deadline a draft could not be submitted again.',
  'subProgramme.reviewStarted':
    'ITC has already started the review (items decided or commented on by ITC), so the submission can no longer be withdrawn. Contact ITC.',

  'lineItem.notFound': 'Line item not found.',
  'lineItem.batchRefused': 'No items were created; nothing was saved. Correct the places listed and try again.',
  'lineItem.unknownReferences': 'The item refers to unknown data.',
  'lineItem.ekkNotSelectable': 'This EKK code cannot be used on items (a group or retired code)',
  'lineItem.notCycleYear': ({ years }) => `The cycle's fiscal years are ${years.join(', ')}`,
  'lineItem.reviewClosed':
    'Only items of a submitted sub-programme can be reviewed, while the cycle is open or in review.',
  'lineItem.notReviewable': 'This item cannot be reviewed.',
  'lineItem.returnNeedsComment': 'Returning needs a comment.',
  'lineItem.notCommenter': 'Comments are for the item’s institution, ITC and the ICT council.',

  'scenario.notFound': 'Scenario not found.',
  'scenario.notMaker': 'Cut scenarios are made by ITC finance and the ICT council.',
  'scenario.yearNotInCycle': 'The year is not one of the cycle’s fiscal years.',
  'scenario.notAdopter': 'A scenario is adopted by the ICT council.',
  'scenario.adoptClosed': 'A scenario can be adopted while the cycle is in review or consolidated.',
  'scenario.adoptedAlready': 'The scenario has been adopted already.',
  'scenario.stale': 'The cycle’s data changed since the scenario was computed. Compute it again.',
  'scenario.notComparable': 'Only scenarios of the same cycle and fiscal year can be compared.',
  // Amounts are in the city's one money form (1 234,56 €) whatever the language.
  'scenario.infeasible': (p) =>
    `A cut of ${formatMoneyLv(p.target)} cannot be reached: ${p.fiscalYear} can be cut by at most ${p.largestPercent}% of the year’s total of ${formatMoneyLv(p.yearTotal)}, that is ${formatMoneyLv(p.largestReduction)} (every non-mandatory item).`,
  'scenario.infeasibleField': (p) => `At most ${p.largestPercent}% (${formatMoneyLv(p.largestReduction)})`,

  'indicators.notManager': 'Indicator inputs are set by ITC finance.',

  'fullCost.billNotFound': 'The institution’s bill of IT was not found.',
  'fullCost.notManager': 'Service drivers and consumption are recorded by ITC finance.',
  'fullCost.cycleClosed': 'A closed cycle’s service consumption no longer changes.',
  'fullCost.invalidRows': 'Nothing was saved: correct the rows named.',
  'fullCost.unknownService': 'Unknown ICT service code',
  'fullCost.inactiveService': 'The ICT service is no longer in use',
  'fullCost.duplicate': ({ row }) => `The same is given in row ${row} already`,
  'fullCost.directService': 'This service’s cost is attributed to institutions directly: it takes no quantities',

  'import.noFile': 'Attach one .xlsx file (multipart/form-data, field “file”).',
  'import.tooLarge': (p) => `The file is larger than ${p.megabytes} MB.`,
  'import.notXlsx': 'The file is not an Excel workbook (.xlsx). Save it as “Excel Workbook (*.xlsx)” and try again.',
  'import.macros':
    'Workbooks with macros (.xlsm) are not accepted. Save it as “Excel Workbook (*.xlsx)” without macros.',
  'import.unpackedTooLarge': (p) => `Unpacked, the workbook would exceed ${p.megabytes} MB — it is not processed.`,
  'import.tooManyParts': 'The workbook has too many parts — it is not processed.',
  'import.damaged': 'The workbook cannot be read: the file is damaged.',
  'import.tooManyRows': (p) => `One import may hold at most ${p.rows} item rows. Split the file into several.`,
  'import.tooMuchContent': 'The workbook holds more data than one import can process. Split the file into several.',
  'import.rejected': 'The import cannot be applied: nothing was changed. Correct the places listed and try again.',
  'import.cellOverlong': (p) =>
    `The cell holds ${p.length} characters — more than any field takes (at most ${p.longest} characters)`,
  'import.cellFarTooLong': (p) =>
    `The cell holds more than ${p.chars} characters — more than any field takes (at most ${p.longest} characters); the rest of the workbook was not read`,
  'import.noSheet': 'The workbook has no item sheet (“Items”) with a heading row “ID”, “Title”, …',
  'import.missingColumn': 'The column is missing',
  'import.unknownYear': (p) => `This is not a fiscal year of the cycle (${p.years})`,
  'import.duplicateColumn': 'The column is repeated',
  'import.formula': 'The formula has no computed value; paste the value instead',
  'import.cellError': (p) => `The cell holds an error (${p.code})`,
  'import.id': 'An ID is a positive whole number',
  'import.version': 'A version is a positive whole number',
  'import.versionMissing': 'An existing item needs its version from the exported file',
  'import.duplicateId': (p) => `This item is in the file already, in row ${p.row}`,
  'import.notFound': 'This sub-programme has no item with this ID',
  'import.conflict': (p) =>
    `The item was changed on the server after the export (file version ${p.exported}, current ${p.current}). Export again and repeat your changes.`,
  'import.allowed': (p) => `Allowed values: ${p.values}`,
  'openData.notYet': 'Open data is published for an approved budget (cycle “approved” or “closed”).',
};
