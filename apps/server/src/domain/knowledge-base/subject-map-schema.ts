import { z } from 'zod';
import { socCode, TableSourceSchema } from './occupations-schema.js';
import { httpsUrl, isoDate, text } from './schema.js';

/** A regulator of a profession and its route to registration (paraphrased from the regulator's page). */
export const RegulatorSchema = z.object({ name: text, url: httpsUrl, route: text });

/** DfE LEO median earnings of the subject's group (CAH2, or the MBA level 7 grouping). */
export const GraduateEarningsSchema = z.object({
  median_gbp: z.number().positive(),
  years_after: z.number().int().positive(),
  level: z.enum(['first degree', 'postgraduate']),
  source_id: text,
  copy_source_id: text.optional(),
  cah2: text.nullable(),
  cah2_name: text,
  tax_year: text,
  other_years: z.record(z.string(), z.number().positive()).optional(),
  basis: text,
});

/** One subject of the map: its CAH place, names, the SOC codes its graduates typically enter, regulation, earnings. */
export const MapSubjectSchema = z.object({
  id: text,
  name: text,
  cah: z
    .string()
    .regex(/^CAH\d{2}-\d{2}-\d{2}$/, 'Expected a CAH3 code (CAHnn-nn-nn)')
    .nullable(),
  cah_label: text.nullable(),
  cah2: text.nullable(),
  aliases: z.array(text),
  related_hecos_terms: z.array(text).optional(),
  typical_degrees: z.array(text).min(1),
  soc_codes: z.array(socCode),
  regulator: RegulatorSchema.nullable(),
  regulator_additional: z.array(RegulatorSchema).optional(),
  professional_bodies: z.array(z.object({ name: text, url: httpsUrl, url_checked: z.boolean() })),
  graduate_earnings: GraduateEarningsSchema.nullable(),
  source_ids: z.array(text),
  note: text.nullable(),
});

/** `uk-subject-map.json`: about 180 subjects on the HESA CAH backbone. */
export const SubjectMapSchema = z.object({
  as_of: isoDate,
  cah_version: text.optional(),
  sources: z.array(TableSourceSchema).min(1),
  subjects: z.array(MapSubjectSchema).min(1),
});

/** A regulator and its route. */
export type Regulator = z.infer<typeof RegulatorSchema>;
/** A subject-group earnings figure. */
export type GraduateEarnings = z.infer<typeof GraduateEarningsSchema>;
/** One subject of the map. */
export type MapSubject = z.infer<typeof MapSubjectSchema>;
/** The validated `uk-subject-map.json`. */
export type SubjectMap = z.infer<typeof SubjectMapSchema>;
