import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERAL_FACT_IDS, SUBJECT_FACT_IDS } from './general-facts.js';
import { KnowledgeBaseSchema, type KnowledgeBase } from './schema.js';

/** The knowledge base shipped with the server (`apps/server/data/knowledge-base/uk-facts.json`), from src/ or dist/. */
export const DEFAULT_KNOWLEDGE_BASE_PATH = new URL('../../../data/knowledge-base/uk-facts.json', import.meta.url);

/** The knowledge base could not be read or is invalid; `problems` lists every problem found, one a line. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    super(`Knowledge base ${origin} is invalid (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

/**
 * Reads, parses and validates the knowledge base (schema and references), throwing a `KnowledgeBaseError`
 * that lists every problem. Synchronous: it runs once when the server starts.
 */
export function loadKnowledgeBase(path: string | URL = DEFAULT_KNOWLEDGE_BASE_PATH): KnowledgeBase {
  const origin = path instanceof URL ? fileURLToPath(path) : path;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KnowledgeBaseError(origin, [`cannot be read: ${describe(error)}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeBaseError(origin, [`is not valid JSON: ${describe(error)}`]);
  }
  return parseKnowledgeBase(data, origin);
}

/** Validates already-parsed knowledge-base data; `origin` names it in the error. */
export function parseKnowledgeBase(data: unknown, origin = 'data'): KnowledgeBase {
  const result = KnowledgeBaseSchema.safeParse(data);
  if (!result.success) {
    throw new KnowledgeBaseError(
      origin,
      result.error.issues.map((issue) => `${formatPath(issue.path, data)}: ${issue.message}`),
    );
  }
  const problems = referenceProblems(result.data);
  if (problems.length > 0) throw new KnowledgeBaseError(origin, problems);
  return result.data;
}

/** Checks what the schema cannot: unique ids, known source ids, ordered ranges, and the facts the writers rely on. */
function referenceProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(kb.sources.map((source) => source.id));
  const factIds = new Set(kb.facts.map((fact) => fact.id));
  const subjectIds = new Set(kb.subjects.map((subject) => subject.id));

  for (const [name, items] of [['sources', kb.sources], ['facts', kb.facts], ['subjects', kb.subjects]] as const) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) problems.push(`${name}[${index}] (${item.id}).id: duplicate id`);
      seen.add(item.id);
    });
  }
  const checkSources = (where: string, ids: readonly string[]): void => {
    ids.forEach((id, index) => {
      if (!sourceIds.has(id)) problems.push(`${where}.source_ids[${index}]: unknown source "${id}"`);
    });
  };
  kb.facts.forEach((fact, index) => checkSources(`facts[${index}] (${fact.id})`, fact.source_ids));
  kb.subjects.forEach((subject, index) => {
    const where = `subjects[${index}] (${subject.id})`;
    checkSources(where, subject.source_ids);
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
  for (const id of GENERAL_FACT_IDS) {
    if (!factIds.has(id)) problems.push(`facts: general fact "${id}" is missing (every report relies on it)`);
  }
  for (const [subjectId, ids] of Object.entries(SUBJECT_FACT_IDS)) {
    if (!subjectIds.has(subjectId)) problems.push(`subjects: subject "${subjectId}" is missing (SUBJECT_FACT_IDS names it)`);
    for (const id of ids) {
      if (!factIds.has(id)) problems.push(`facts: fact "${id}" is missing (SUBJECT_FACT_IDS names it for "${subjectId}")`);
    }
  }
  return problems;
}

/** `facts[12] (visa-28-day-rule).effective_from`: the issue's path, with the id of the item it sits in. */
function formatPath(path: readonly PropertyKey[], data: unknown): string {
  if (path.length === 0) return '(root)';
  let node: unknown = data;
  let text = '';
  for (const key of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
    if (typeof key === 'number' && isRecord(node) && typeof node.id === 'string') text += ` (${node.id})`;
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
