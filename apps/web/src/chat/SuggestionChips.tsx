/** Popular subjects offered on an empty chat. */
export const SUGGESTED_SUBJECTS = [
  'Computer Science',
  'Nursing',
  'MSc Data Science',
  'MBA',
  'Law',
  'Business & Management',
  'Mechanical Engineering',
  'Public Health',
] as const;

/** Suggestion chips: picking one fills the input with that subject. */
export function SuggestionChips({ onPick }: { readonly onPick: (subject: string) => void }) {
  return (
    <ul className="flex flex-wrap justify-center gap-2" aria-label="Popular subjects">
      {SUGGESTED_SUBJECTS.map((subject) => (
        <li key={subject}>
          <button type="button" className="chip" onClick={() => onPick(subject)}>
            {subject}
          </button>
        </li>
      ))}
    </ul>
  );
}
