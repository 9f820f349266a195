/**
 * The facts every report needs, whatever the subject, in the order they are retrieved (and so numbered):
 * the Student visa and its fee, the funds for London and elsewhere, the 28-day rule, the Immigration Health
 * Surcharge, the English level, work hours in term, dependants, the Graduate route and its shortening, the
 * Skilled Worker thresholds, the National Living Wage, living costs, and the risks a student should weigh.
 * `loadKnowledgeBase` refuses a knowledge base that lacks any of them.
 */
export const GENERAL_FACT_IDS = [
  // Student visa, fee, timing
  'visa-cas-required',
  'visa-fee-student-outside-uk',
  'visa-when-to-apply-outside',
  'visa-decision-time',
  // Money: funds for London and elsewhere, the 28-day rule
  'visa-maintenance-london',
  'visa-maintenance-outside-london',
  'visa-maintenance-london-definition',
  'visa-28-day-rule',
  'visa-funds-types',
  'visa-tb-test',
  'visa-tb-validity',
  // The student's dates: when they may arrive and how long the Student visa lasts (the timeline reads both)
  'visa-arrival-window',
  'visa-length-of-leave',
  'visa-evisa',
  'visa-no-public-funds',
  // Immigration Health Surcharge
  'ihs-student-rate',
  'ihs-upfront-calculation',
  // English
  'english-student-b2',
  'english-hei-assessment',
  // Work in term time
  'work-20-hours-degree',
  'work-week-definition',
  'work-vacation-full-time',
  'work-prohibited-activities',
  'work-gig-delivery',
  'work-breach-consequences',
  // Dependants
  'dependants-pgr-only',
  'dependants-skilled-worker',
  // Graduate route and its announced shortening
  'graduate-length-current',
  'graduate-18-months',
  'graduate-eligibility',
  'graduate-fee',
  'graduate-work-freedom',
  'graduate-one-time-no-extension',
  'graduate-no-settlement',
  'graduate-switch-restriction',
  // Skilled Worker thresholds
  'sw-general-threshold',
  'sw-new-entrant',
  'sw-rqf6',
  'sw-eligibility-depends-on-soc',
  'english-skilled-worker-b2',
  'sw-settlement-current',
  'sw-isl-tsl-expiry',
  // Tuition in general
  'tuition-ug-range',
  'tuition-pgt-range',
  'tuition-deposit',
  'tuition-annual-rises',
  'tuition-international-levy',
  // Living costs
  'costs-maintenance-not-budget',
  'costs-london-mis',
  'costs-council-tax',
  // Jobs market (filler statistics — graduate-hiring and unemployment figures — are left out: issue 10)
  'job-employers-visa-hesitancy',
  // National Living Wage and part-time work
  'fallback-nlw-2026',
  'fallback-earnings-ceiling',
  'fallback-tax-allowance',
  'fallback-tutoring-rule',
  'fallback-care-parttime',
  // Risks
  'risks-refusal-rates-pk-bd',
  'risks-bca-thresholds',
  'risks-recruitment-pauses',
  'risks-earned-settlement',
  'risks-agent-mis-selling',
  'risks-sponsorship-scams',
] as const;

/**
 * Facts from the project's own additions (`project-facts.json`): the UCAS deadlines. Retrieved when present; a
 * knowledge base without them still loads, and the report says the deadline is not available.
 */
export const PROJECT_FACT_IDS = ['ucas-deadlines-by-course', 'ucas-oxford-medicine-2027'] as const;

/**
 * Facts that matter only for some subjects, keyed by subject id; retrieved after the general facts.
 * `loadKnowledgeBase` refuses a knowledge base where a key is not a subject or an id is not a fact.
 */
export const SUBJECT_FACT_IDS: Readonly<Record<string, readonly string[]>> = {
  'computer-science': ['visa-atas', 'sw-going-rate-2134', 'job-tech-grad-slump'],
  'data-science-ai': ['visa-atas', 'sw-going-rate-2134', 'job-tech-grad-slump', 'sw-tsl-mac-review'],
  'business-management': [],
  mba: ['tuition-mba'],
  nursing: [
    'english-nmc-scores',
    'job-nhs-band5-2026',
    'job-band5-review',
    'job-nrn-shortage',
    'sw-health-care-threshold',
    'sw-health-care-fee',
    'ihs-health-care-exempt',
  ],
  medicine: [
    'tuition-medicine',
    'visa-foundation-doctors-student-route',
    'job-fy1-pay',
    'job-medical-prioritisation',
    'sw-health-care-threshold',
    'ihs-health-care-exempt',
  ],
  pharmacy: ['job-pharmacist-band6', 'sw-health-care-threshold', 'ihs-health-care-exempt'],
  engineering: ['visa-atas', 'sw-going-rates-engineering', 'sw-tsl-mac-review'],
  'accounting-finance': [],
  law: [],
  'public-health': [],
  psychology: [],
  'biotechnology-life-sciences': ['visa-atas', 'sw-tsl-mac-review'],
  architecture: [],
  'hospitality-tourism': [],
};

/**
 * The subject-map entries that have their own subject entry in `uk-facts.json` (fees, demand notes, fallback jobs,
 * extra facts): map id → facts subject id. These are the `detailed` subjects. `loadKnowledgeBase` refuses a key that
 * is not a map id or a value that is not a facts subject.
 */
export const DETAILED_SUBJECTS: Readonly<Record<string, string>> = {
  'computer-science': 'computer-science',
  'software-engineering': 'computer-science',
  'data-science': 'data-science-ai',
  'artificial-intelligence': 'data-science-ai',
  'business-management': 'business-management',
  mba: 'mba',
  nursing: 'nursing',
  'adult-nursing': 'nursing',
  'children-s-nursing': 'nursing',
  'mental-health-nursing': 'nursing',
  'learning-disabilities-nursing': 'nursing',
  medicine: 'medicine',
  pharmacy: 'pharmacy',
  'civil-engineering': 'engineering',
  'mechanical-engineering': 'engineering',
  'electrical-electronic-engineering': 'engineering',
  accounting: 'accounting-finance',
  finance: 'accounting-finance',
  law: 'law',
  'public-health': 'public-health',
  psychology: 'psychology',
  biotechnology: 'biotechnology-life-sciences',
  architecture: 'architecture',
  hospitality: 'hospitality-tourism',
  tourism: 'hospitality-tourism',
};
