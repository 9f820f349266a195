/**
 * Words and phrases around a subject that are not part of it ("I want to study … in the UK", "Masters in …",
 * "… course for September intake"). Data only. Used to trim an unknown subject to the student's own words, and
 * never read as misspelt subject names.
 */
export const FILLER_PHRASES: readonly string[] = [
  // people, greetings, politeness
  'i', 'im', 'id', 'ive', 'ill', 'me', 'my', 'myself', 'we', 'our', 'you', 'your', 'he', 'she', 'they', 'his', 'her',
  'their', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'hi', 'hello', 'hey', 'dear', 'please',
  'pls', 'plz', 'kindly', 'thanks', 'thank you', 'thx', 'sir', 'madam',
  // wanting, planning, studying
  'want', 'wants', 'wanted', 'wanting', 'wanna', 'would', 'like', 'love', 'prefer', 'do', 'doing', 'does', 'study',
  'studying', 'pursue', 'pursuing', 'take', 'taking', 'read', 'reading', 'learn', 'learning', 'apply', 'applying',
  'get', 'getting', 'join', 'joining', 'enrol', 'enroll', 'enrolling', 'start', 'starting', 'begin', 'go', 'going',
  'come', 'coming', 'move', 'moving', 'plan', 'planning', 'planned', 'plans', 'hope', 'hoping', 'intend', 'intending',
  'look', 'looking', 'seek', 'seeking', 'interested', 'considering', 'consider', 'thinking', 'think', 'choose',
  'choosing', 'find', 'finding', 'need', 'needs', 'help', 'tell', 'give', 'show', 'know', 'explain', 'report', 'be',
  'become', 'becoming', 'am', 'is', 'are', 'was', 'can', 'could', 'should', 'will', 'shall', 'may', 'might', 'must',
  'wish', 'aim', 'aiming', 'dream', 'keen', 'eager', 'try', 'trying', 'have', 'has', 'having', 'make',
  // linking words
  'to', 'in', 'into', 'on', 'at', 'of', 'from', 'for', 'about', 'regarding', 'with', 'by', 'as', 'and', 'or', 'then',
  'so', 'also', 'but', 'either', 'both', 'after', 'before', 'during', 'via', 'a', 'an', 'the', 'some', 'any',
  // quality, time
  'good', 'best', 'top', 'great', 'cheap', 'affordable', 'reputed', 'reputable', 'suitable', 'which', 'what', 'where',
  'how', 'options', 'option', 'more', 'most', 'very', 'really', 'just', 'only', 'now', 'currently', 'later', 'soon',
  'asap', 'next', 'year', 'years', 'intake', 'september', 'sept', 'january', 'jan', 'fall', 'autumn', 'spring',
  'semester', 'session',
  // degree levels and course shapes
  'degree', 'degrees', 'course', 'courses', 'programme', 'programmes', 'program', 'programs', 'masters', 'master',
  'bachelors', 'bachelor', 'undergraduate', 'undergrad', 'postgraduate', 'postgrad', 'graduate', 'pg', 'ug',
  'foundation', 'foundation year', 'top up', 'hons', 'honours', 'honors', 'diploma', 'certificate', 'qualification',
  'taught', 'full time', 'part time', 'fulltime', 'parttime', 'online', 'distance learning', 'conversion',
  'integrated', 'year in industry', 'placement year', 'with placement', 'sandwich', 'one year', '1 year', 'two year',
  '2 year',
  // people and places in general
  'student', 'students', 'international student', 'international students', 'overseas', 'abroad', 'university',
  'universities', 'uni', 'unis', 'college', 'colleges', 'school', 'institution', 'country', 'city',
  // what the student asks for
  'information', 'info', 'details', 'guide', 'advice', 'subject', 'subjects', 'field', 'area', 'major', 'majoring',
  'specialisation', 'specialization', 'specialising', 'specializing',
];

/** Real words close to a subject's name that are never read as its misspelling: "astrology" is not "astronomy". */
export const NOT_MISSPELLINGS: ReadonlySet<string> = new Set([
  'astrology', 'numerology', 'palmistry', 'homeopathy', 'naturopathy', 'reflexology', 'mythology', 'criminals',
]);
