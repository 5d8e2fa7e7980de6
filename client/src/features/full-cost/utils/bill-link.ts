/** The bill of IT page of an institution, in a cycle and fiscal year. */
export const billPath = (institutionCode: string, cycleId: number, fiscalYear: number) =>
  `/full-cost/${encodeURIComponent(institutionCode)}?cycle=${cycleId}&year=${fiscalYear}`;

/** The bill as a workbook, with live formulas. */
export const billWorkbookUrl = (cycleId: number, institutionCode: string, fiscalYear: number) =>
  `/api/cycles/${cycleId}/institutions/${encodeURIComponent(institutionCode)}/bill.xlsx?fiscalYear=${fiscalYear}`;
