import { UK_CODE } from './countries.js';
import { readPlaces } from './places.js';
import { tokenize } from './text.js';

/** Words the field may hold beside its place names ("the UK", "England and Wales"); `&` reads as "and". */
const JOINERS: ReadonlySet<string> = new Set(['the', 'and', 'or']);

/** What the optional `country` field asks for. */
export type CountryFieldReading = 'uk' | 'other' | 'several';

/**
 * Reads the `country` field: blank or absent, or a name of the UK in any case ("uk", "United Kingdom", "GB",
 * "England"), is the UK, and so are UK nations joined by "and", "or" or a comma ("England and Scotland");
 * two or more countries are `several`; anything else is `other`.
 */
export function readCountryField(country: string | undefined): CountryFieldReading {
  const tokens = tokenize(country ?? '');
  const mentions = readPlaces(tokens);
  const codes = new Set(mentions.map((mention) => mention.place.code));
  if (codes.size > 1) return 'several';
  const inMention = (i: number): boolean => mentions.some((mention) => mention.start <= i && i < mention.end);
  const covered = tokens.every((token, i) => token.kind === 'sep' || JOINERS.has(token.norm) || inMention(i));
  return covered && (codes.size === 0 ? tokens.length === 0 : codes.has(UK_CODE)) ? 'uk' : 'other';
}
