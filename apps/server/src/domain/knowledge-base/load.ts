import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ZodType } from 'zod';
import { DETAILED_SUBJECTS, GENERAL_FACT_IDS, SUBJECT_FACT_IDS } from './general-facts.js';
import { OccupationTableSchema, type OccupationTable } from './occupations-schema.js';
import {
  FactsFileSchema,
  ProjectFactsFileSchema,
  type FactsFile,
  type KnowledgeBase,
  type ProjectFactsFile,
} from './schema.js';
import { SubjectMapSchema, type SubjectMap } from './subject-map-schema.js';

/** The knowledge-base folder shipped with the server (`apps/server/data/knowledge-base/`), from src/ or dist/. */
export const DEFAULT_KNOWLEDGE_BASE_DIR = new URL('../../../data/knowledge-base/', import.meta.url);

/** The three files of the knowledge base, by part. */
export const KNOWLEDGE_BASE_FILES = {
  facts: 'uk-facts.json',
  occupations: 'uk-occupations.json',
  subjectMap: 'uk-subject-map.json',
} as const;

/**
 * The project's own additions (facts the shared data lacks, such as the UCAS deadlines), in the shape of
 * `uk-facts.json` without subjects (`as_of`, `sources`, `facts`). It sits beside the three copies, which stay byte for
 * byte those of `../shared/data/`; optional (a folder without it adds nothing). Its ids must not clash with theirs.
 */
export const PROJECT_FACTS_FILE = 'project-facts.json';

/**
 * The knowledge base could not be read or is invalid. The message is one line naming the file, the record and the
 * field of the first problem (`uk-occupations.json: occupations[3] (1115).going_rate_gbp: …`); `problems` lists all.
 */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super(`Knowledge base ${origin} is invalid: ${problems[0]}${more}`);
    this.name = 'KnowledgeBaseError';
  }
}

/** The three parsed (not yet validated) files. */
export interface RawKnowledgeBase {
  readonly facts: unknown;
  readonly occupations: unknown;
  readonly subjectMap: unknown;
  /** The project's additions (`project-facts.json`), when there is one. */
  readonly projectFacts?: unknown;
}

/**
 * Reads, parses and validates the three files of the knowledge base in `dir` (schema and cross-references),
 * throwing a `KnowledgeBaseError` whose message names the file, record and field. Synchronous: it runs once at start.
 */
export function loadKnowledgeBase(dir: string | URL = DEFAULT_KNOWLEDGE_BASE_DIR): KnowledgeBase {
  const folder = dir instanceof URL ? fileURLToPath(dir) : dir;
  const read = (name: string, optional = false): unknown => {
    const path = new URL(name, `file://${folder.endsWith('/') ? folder : `${folder}/`}`);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new KnowledgeBaseError(folder, [`${name}: cannot be read: ${describe(error)}`]);
    }
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new KnowledgeBaseError(folder, [`${name}: is not valid JSON: ${describe(error)}`]);
    }
  };
  return parseKnowledgeBase(
    {
      facts: read(KNOWLEDGE_BASE_FILES.facts),
      occupations: read(KNOWLEDGE_BASE_FILES.occupations),
      subjectMap: read(KNOWLEDGE_BASE_FILES.subjectMap),
      projectFacts: read(PROJECT_FACTS_FILE, true),
    },
    folder,
  );
}

/** Validates already-parsed knowledge-base files; `origin` names them in the error. */
export function parseKnowledgeBase(raw: RawKnowledgeBase, origin = 'data'): KnowledgeBase {
  const problems: string[] = [];
  const facts = parsePart<FactsFile>(FactsFileSchema, raw.facts, KNOWLEDGE_BASE_FILES.facts, problems);
  const occupations = parsePart<OccupationTable>(
    OccupationTableSchema,
    raw.occupations,
    KNOWLEDGE_BASE_FILES.occupations,
    problems,
  );
  const subjectMap = parsePart<SubjectMap>(SubjectMapSchema, raw.subjectMap, KNOWLEDGE_BASE_FILES.subjectMap, problems);
  const project =
    raw.projectFacts === undefined
      ? null
      : parsePart<ProjectFactsFile>(ProjectFactsFileSchema, raw.projectFacts, PROJECT_FACTS_FILE, problems);
  if (!facts || !occupations || !subjectMap || (raw.projectFacts !== undefined && !project))
    throw new KnowledgeBaseError(origin, problems);
  problems.push(...referenceProblems({ ...facts, occupations, subjectMap }));
  if (project)
    problems.push(
      ...projectProblems(facts, project),
      ...subjectFactProblems('course_lengths', project.course_lengths ?? [], project, subjectMap),
      ...subjectFactProblems('regulator_routes', project.regulator_routes ?? [], project, subjectMap),
    );
  const merged = project
    ? {
        ...facts,
        sources: [...facts.sources, ...project.sources],
        facts: [...facts.facts, ...project.facts],
        courseLengths: project.course_lengths ?? [],
        regulatorRoutes: project.regulator_routes ?? [],
      }
    : facts;
  const kb: KnowledgeBase = { ...merged, occupations, subjectMap };
  if (problems.length > 0) throw new KnowledgeBaseError(origin, problems);
  return kb;
}

function parsePart<T>(schema: ZodType<T>, data: unknown, file: string, problems: string[]): T | null {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  problems.push(...result.error.issues.map((issue) => `${file}: ${formatPath(issue.path, data)}: ${issue.message}`));
  return null;
}

/** The additions may add sources and facts only, each with an id of its own, every source id resolving. */
function projectProblems(facts: FactsFile, project: ProjectFactsFile): string[] {
  const P = PROJECT_FACTS_FILE;
  const problems: string[] = [
    ...duplicates(
      P,
      'sources',
      project.sources.map((s) => s.id),
    ),
    ...duplicates(
      P,
      'facts',
      project.facts.map((f) => f.id),
    ),
  ];
  const sourceIds = new Set(facts.sources.map((s) => s.id));
  const factIds = new Set(facts.facts.map((f) => f.id));
  const known = new Set([...sourceIds, ...project.sources.map((s) => s.id)]);
  project.sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      problems.push(`${P}: sources[${i}] (${s.id}).id: already in ${KNOWLEDGE_BASE_FILES.facts}`);
  });
  project.facts.forEach((f, i) => {
    if (factIds.has(f.id)) problems.push(`${P}: facts[${i}] (${f.id}).id: already in ${KNOWLEDGE_BASE_FILES.facts}`);
    f.source_ids.forEach((id, j) => {
      if (!known.has(id)) problems.push(`${P}: facts[${i}] (${f.id}).source_ids[${j}]: unknown source "${id}"`);
    });
    if (f.effective_from && f.effective_until && f.effective_until < f.effective_from)
      problems.push(`${P}: facts[${i}] (${f.id}).effective_until: before effective_from`);
  });
  return problems;
}

/** Every record of a per-subject table (course lengths, regulator routes) names a map entry and a project fact. */
function subjectFactProblems(
  table: string,
  records: readonly { readonly subject_id: string; readonly fact_id: string }[],
  project: ProjectFactsFile,
  subjectMap: SubjectMap,
): string[] {
  const subjects = new Set(subjectMap.subjects.map((s) => s.id));
  const facts = new Set(project.facts.map((f) => f.id));
  return records.flatMap((c, i) => [
    ...(subjects.has(c.subject_id)
      ? []
      : [`${PROJECT_FACTS_FILE}: ${table}[${i}].subject_id: unknown subject "${c.subject_id}"`]),
    ...(facts.has(c.fact_id) ? [] : [`${PROJECT_FACTS_FILE}: ${table}[${i}].fact_id: unknown fact "${c.fact_id}"`]),
  ]);
}

/** Duplicate ids in a list, as problems. */
function duplicates(file: string, name: string, ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    const duplicate = seen.has(id);
    seen.add(id);
    return duplicate ? [`${file}: ${name}[${index}] (${id}).id: duplicate id`] : [];
  });
}

/** Checks what the schemas cannot: unique ids, every id resolves, ordered ranges, the facts the writers rely on. */
function referenceProblems(kb: KnowledgeBase): string[] {
  const { facts: F, occupations: O, subjectMap: M } = KNOWLEDGE_BASE_FILES;
  const problems: string[] = [
    ...duplicates(
      F,
      'sources',
      kb.sources.map((s) => s.id),
    ),
    ...duplicates(
      F,
      'facts',
      kb.facts.map((f) => f.id),
    ),
    ...duplicates(
      F,
      'subjects',
      kb.subjects.map((s) => s.id),
    ),
    ...duplicates(
      O,
      'sources',
      kb.occupations.sources.map((s) => s.id),
    ),
    ...duplicates(
      O,
      'occupations',
      kb.occupations.occupations.map((o) => o.soc),
    ),
    ...duplicates(
      M,
      'sources',
      kb.subjectMap.sources.map((s) => s.id),
    ),
    ...duplicates(
      M,
      'subjects',
      kb.subjectMap.subjects.map((s) => s.id),
    ),
  ];
  const factSources = new Set(kb.sources.map((source) => source.id));
  const occupationSources = new Set(kb.occupations.sources.map((source) => source.id));
  const mapSources = new Set(kb.subjectMap.sources.map((source) => source.id));
  const factIds = new Set(kb.facts.map((fact) => fact.id));
  const subjectIds = new Set(kb.subjects.map((subject) => subject.id));
  const socs = new Set(kb.occupations.occupations.map((o) => o.soc));
  const mapIds = new Set(kb.subjectMap.subjects.map((s) => s.id));
  const checkIds = (where: string, ids: readonly string[], known: ReadonlySet<string>, what = 'source'): void => {
    ids.forEach((id, index) => {
      if (!known.has(id)) problems.push(`${where}.source_ids[${index}]: unknown ${what} "${id}"`);
    });
  };

  kb.facts.forEach((fact, index) => {
    const where = `${F}: facts[${index}] (${fact.id})`;
    checkIds(where, fact.source_ids, factSources);
    if (fact.effective_from && fact.effective_until && fact.effective_until < fact.effective_from) {
      problems.push(`${where}.effective_until: before effective_from`);
    }
  });
  kb.subjects.forEach((subject, index) => {
    const where = `${F}: subjects[${index}] (${subject.id})`;
    checkIds(where, subject.source_ids, factSources);
    const { ug, pg_taught } = subject.tuition_gbp_per_year_international;
    if (ug && ug[0] > ug[1]) problems.push(`${where}.tuition_gbp_per_year_international.ug: minimum above maximum`);
    if (pg_taught && pg_taught[0] > pg_taught[1]) {
      problems.push(`${where}.tuition_gbp_per_year_international.pg_taught: minimum above maximum`);
    }
    subject.in_field_roles.forEach((role, roleIndex) => {
      const [low, high] = role.typical_salary_gbp;
      if (low > high) problems.push(`${where}.in_field_roles[${roleIndex}].typical_salary_gbp: minimum above maximum`);
    });
  });
  checkIds(`${O}: rules_context`, kb.occupations.rules_context.source_ids, occupationSources);
  kb.occupations.occupations.forEach((occupation, index) => {
    checkIds(`${O}: occupations[${index}] (${occupation.soc})`, occupation.source_ids, occupationSources);
  });
  for (const list of ['immigration_salary_list', 'temporary_shortage_list'] as const) {
    kb.occupations[list].forEach((row, index) => {
      if (!socs.has(row.soc)) problems.push(`${O}: ${list}[${index}] (${row.soc}).soc: not in the occupation table`);
    });
  }
  kb.subjectMap.subjects.forEach((subject, index) => {
    const where = `${M}: subjects[${index}] (${subject.id})`;
    checkIds(where, subject.source_ids, mapSources);
    subject.soc_codes.forEach((soc, socIndex) => {
      if (!socs.has(soc)) problems.push(`${where}.soc_codes[${socIndex}]: SOC "${soc}" is not in ${O}`);
    });
    const earnings = subject.graduate_earnings;
    if (earnings && !mapSources.has(earnings.source_id)) {
      problems.push(`${where}.graduate_earnings.source_id: unknown source "${earnings.source_id}"`);
    }
    if (earnings?.copy_source_id && !mapSources.has(earnings.copy_source_id)) {
      problems.push(`${where}.graduate_earnings.copy_source_id: unknown source "${earnings.copy_source_id}"`);
    }
  });
  for (const id of GENERAL_FACT_IDS) {
    if (!factIds.has(id)) problems.push(`${F}: facts: general fact "${id}" is missing (every report relies on it)`);
  }
  for (const [subjectId, ids] of Object.entries(SUBJECT_FACT_IDS)) {
    if (!subjectIds.has(subjectId))
      problems.push(`${F}: subjects: subject "${subjectId}" is missing (SUBJECT_FACT_IDS names it)`);
    for (const id of ids) {
      if (!factIds.has(id))
        problems.push(`${F}: facts: fact "${id}" is missing (SUBJECT_FACT_IDS names it for "${subjectId}")`);
    }
  }
  for (const [mapId, subjectId] of Object.entries(DETAILED_SUBJECTS)) {
    if (!mapIds.has(mapId)) problems.push(`${M}: subjects: subject "${mapId}" is missing (DETAILED_SUBJECTS names it)`);
    if (!subjectIds.has(subjectId))
      problems.push(`${F}: subjects: subject "${subjectId}" is missing (DETAILED_SUBJECTS names it)`);
  }
  return problems;
}

/** `facts[12] (visa-28-day-rule).effective_from`: the issue's path, with the id (or SOC) of the item it sits in. */
function formatPath(path: readonly PropertyKey[], data: unknown): string {
  if (path.length === 0) return '(root)';
  let node: unknown = data;
  let text = '';
  for (const key of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
    const id = isRecord(node) ? (node.id ?? node.soc) : undefined;
    if (typeof key === 'number' && typeof id === 'string') text += ` (${id})`;
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
