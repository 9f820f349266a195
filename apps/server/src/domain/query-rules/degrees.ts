/**
 * UK degree awards and how people write them. Data only. An award found next to a known subject is kept in the
 * canonical subject ("msc data science" → "MSc Data Science"); generic level words ("Masters in", "degree in",
 * "foundation", "top-up") are filler instead (see `filler.ts`).
 */

/** A degree award. */
export interface AwardEntry {
  /** How the award is displayed: "MSc". */
  readonly label: string;
  /** Ways to write it, the label first (`=` marks a phrase that only matches as typed: "=MArch", not "march"). */
  readonly phrases: readonly string[];
  /** The award also names a subject ("LLB" is Law), so the subject catalogue lists it too. */
  readonly namesSubject?: true;
  /** Not a UK award ("B.Tech"): read so that it is not taken for a subject, never shown in the title. */
  readonly foreign?: true;
}

function award(label: string, phrases: string, namesSubject = false): AwardEntry {
  const list = phrases === '' ? [] : phrases.split('|');
  if (!list.includes(`=${label}`)) list.unshift(label);
  return namesSubject ? { label, phrases: list, namesSubject: true } : { label, phrases: list };
}

/** Every award the rules recognise. */
export const AWARDS: readonly AwardEntry[] = [
  award('BSc', 'B Sc|bachelor of science|bachelors of science'),
  award('BA', 'bachelor of arts|bachelors of arts'),
  award('BEng', 'B Eng|bachelor of engineering', true),
  award('MSc', 'M Sc|=MS|master of science|masters of science'),
  award('MA', 'master of arts|masters of arts'),
  award('MEng', 'M Eng|master of engineering', true),
  award('MSci', ''),
  award('MRes', 'master of research'),
  award('MPhil', 'master of philosophy'),
  award('MEd', '=MEd|master of education'),
  award('PhD', 'DPhil|doctorate|doctor of philosophy'),
  award('PGCert', 'PG Cert|postgraduate certificate'),
  award('PGDip', 'PG Dip|postgraduate diploma'),
  award('PGCE', '', true),
  award('HND', ''),
  award('HNC', ''),
  award('LLB', 'bachelor of laws', true),
  award('LLM', 'master of laws', true),
  award('MPharm', '', true),
  award('MBBS', '', true),
  award('MBChB', 'MB ChB', true),
  award('BDS', '', true),
  award('BVSc', '', true),
  award('BArch', 'B Arch', true),
  award('MArch', '=MArch|M Arch', true),
  award('MPH', 'master of public health', true),
  award('BBA', '', true),
  // Awards of South Asian universities: recognised, never shown (a UK report names UK awards).
  { ...award('BTech', 'B Tech|bachelor of technology', true), foreign: true },
  { ...award('MTech', 'M Tech|master of technology', true), foreign: true },
  { ...award('BE', '=BE|B E', true), foreign: true },
  { ...award('BCA', '', true), foreign: true },
  { ...award('MCA', '', true), foreign: true },
  { ...award('BCom', 'B Com', true), foreign: true },
  { ...award('MCom', 'M Com', true), foreign: true },
  { ...award('BPharm', 'B Pharm', true), foreign: true },
  { ...award('MPT', '', true), foreign: true },
  { ...award('BPT', '', true), foreign: true },
  { ...award('GNM', '', true), foreign: true },
  { ...award('PGDM', '', true), foreign: true },
];
