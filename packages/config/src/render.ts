import { ENVIRONMENT_MODES } from '@uksmr/feature-flags';
import { refusals } from './refusals.js';
import { configVariables, isDerivedDefault, type ModeDefaults } from './variables.js';

const GENERATED = 'Generated from packages/config (configVariables) by `npm run gen:env-docs`; do not edit by hand.';

/** The defaults as one phrase: `3000`, `unset`, or `127.0.0.1 (dev, test), 0.0.0.0 (production)`. */
function describeDefaults(defaults: ModeDefaults, quote: (value: string) => string): string {
  const groups = new Map<string | undefined, string[]>();
  for (const mode of ENVIRONMENT_MODES) groups.set(defaults[mode], [...(groups.get(defaults[mode]) ?? []), mode]);
  const phrase = (value: string | undefined): string => (value === undefined ? 'unset' : quote(value));
  if (groups.size === 1) return phrase(defaults.dev);
  return [...groups].map(([value, modes]) => `${phrase(value)} (${modes.join(', ')})`).join(', ');
}

/** The value shown in `.env.example`: the default when it is the same in every mode and stands alone, else blank. */
function exampleValue(defaults: ModeDefaults): string {
  const values = new Set(ENVIRONMENT_MODES.map((mode) => defaults[mode]));
  return values.size === 1 && !isDerivedDefault(defaults.dev) ? (defaults.dev ?? '') : '';
}

/**
 * The text of `.env.example`: every variable commented out with its description, requirement, expected form and
 * defaults. Its value is the default where one value serves every mode, so uncommenting a line pins nothing that
 * `ENVIRONMENT_MODE` would otherwise choose.
 */
export function renderEnvExample(): string {
  const header = [
    '# Environment variables of UK Study & Migration Research.',
    `# ${GENERATED}`,
    '# Copy to .env and uncomment what you need; real environment variables win over .env.',
  ];
  const blocks = configVariables.map(({ name, description, required, defaults, expected }) =>
    [
      `# ${description}`,
      `# ${required}; expected ${expected}; default: ${describeDefaults(defaults, (value) => value)}`,
      `# ${name}=${exampleValue(defaults)}`,
    ].join('\n'),
  );
  return `${[header.join('\n'), ...blocks].join('\n\n')}\n`;
}

const cell = (text: string): string => text.replaceAll('|', '\\|');
const code = (text: string): string => `\`${text}\``;

/** The text of `docs/environment-variables.md`: a table of every variable and the list of start-up refusals. */
export function renderEnvironmentDocs(): string {
  const rows = configVariables.map(
    ({ name, description, required, defaults, expected }) =>
      `| ${[code(name), description, required, describeDefaults(defaults, code), expected].map(cell).join(' | ')} |`,
  );
  const refused = refusals.map(({ variable, expected }) => `- ${code(variable)}: expected ${expected}.`);
  return [
    '# Environment variables',
    '',
    GENERATED,
    '',
    'The server reads these variables with `loadConfig()` from `@uksmr/config`. A `.env` file in the working directory',
    'is read too; real environment variables win over it. Blank values count as unset.',
    '',
    '| Variable | Meaning | Required | Default | Expected |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Start-up refusals',
    '',
    'The server stops at once, with one line per variable, when a value is malformed or when:',
    '',
    ...refused,
    '',
  ].join('\n');
}
