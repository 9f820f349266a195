/** Shown with every report, on screen, in print and in the Markdown copy. */
export const DISCLAIMER =
  'This report is general information, not legal or immigration advice. Visa rules, fees and salary thresholds change: check GOV.UK and your university before you act.';

/** Where the disclaimer sends the reader. */
export const GOV_UK_STUDENT_VISA_URL = 'https://www.gov.uk/student-visa';
