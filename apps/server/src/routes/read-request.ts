import {
  checkProfileFields,
  mergeProfile,
  readProfile,
  type ProfileFields,
  type ProfileReading,
  type StudentProfile,
} from '../domain/profile/index.js';
import { interpretQuery } from '../domain/query-rules/index.js';
import { ApiError } from '../errors.js';

/** A request for a report (or a look before one): the student's words, the country, and the explicit profile fields. */
export interface StudentRequest extends ProfileFields {
  readonly text: string;
  readonly country?: string | undefined;
}

/** What a request asks for, once read: the subject, its id, and the profile (explicit fields over the words). */
export interface ReadRequest {
  readonly subject: string;
  readonly subjectId: string | null;
  /** `entry`: the map holds the subject itself; `parent`: the report covers its nearest parent group. */
  readonly matchedVia: 'entry' | 'parent';
  readonly profile: StudentProfile;
  readonly reading: ProfileReading;
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Reads the student's request the one way both `POST /queries` and `POST /reports` do: the explicit profile fields
 * first (400 naming the field), then the query rules' refusals (422, or 400 for an empty subject), then the profile
 * out of the words. Throws the contract's `ApiError`.
 */
export function readStudentRequest(request: StudentRequest, today: string): ReadRequest {
  const fields = checkProfileFields(request, today);
  if (!fields.ok) throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', fields.detail);
  const query = interpretQuery({
    subject: request.text,
    ...(request.country === undefined ? {} : { country: request.country }),
  });
  if (!query.ok) {
    const status = query.code === 'VALIDATION_ERROR' ? 400 : 422;
    const title = query.code === 'VALIDATION_ERROR' ? 'Invalid request' : 'Request not supported';
    throw new ApiError(status, query.code, title, query.detail);
  }
  const reading = readProfile(request.text, today);
  return {
    subject: query.subject,
    subjectId: query.subjectId,
    matchedVia: query.matchedVia,
    profile: mergeProfile(reading.profile, fields.fields),
    reading,
  };
}
