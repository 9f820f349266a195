import { useId, useState, type FormEvent } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import { ApiError } from '../api/errors.js';
import { describeError } from '../components/errorMessage.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/router.js';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** Props of `AuthForm`. */
export interface AuthFormProps {
  readonly mode: 'sign-in' | 'sign-up';
  /** Signs in or creates the account; throws the API's error. */
  readonly submit: (email: string, password: string) => Promise<void>;
  /** Where to go once signed in. */
  readonly next: string;
}

function authErrorMessage(error: unknown, mode: AuthFormProps['mode']): string {
  if (error instanceof ApiError && error.status === 409) {
    return 'An account with this email already exists. Sign in instead, or use another email.';
  }
  if (error instanceof ApiError && error.status === 401 && mode === 'sign-in') {
    return 'Wrong email or password. Check both and try again.';
  }
  return describeError(error);
}

function validate(email: string, password: string, mode: AuthFormProps['mode']): string | null {
  if (!/^\S+@\S+\.\S+$/.test(email.trim())) return 'Enter a valid email address, like name@example.com.';
  if (mode === 'sign-up' && password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password === '') return 'Enter your password.';
  return null;
}

/** Whom to ask for a new password (local accounts have no e-mail reset: the operator runs `npm run user -- reset-password`). */
function PasswordHelp() {
  const { operator } = useConfig();
  return (
    <p className="text-sm text-slate-700">
      Forgot your password?{' '}
      {operator.contact_email ? (
        <>
          Write to {operator.name} at{' '}
          <a className="link" href={`mailto:${operator.contact_email}?subject=${encodeURIComponent('Password reset')}`}>
            {operator.contact_email}
          </a>{' '}
          from the email you signed up with; you will get a temporary password.
        </>
      ) : (
        <>Ask {operator.name}, who runs this service, for a temporary password.</>
      )}
    </p>
  );
}

/** The local accounts' sign-in and sign-up form: labelled fields, clear errors. */
export function AuthForm({ mode, submit, next }: AuthFormProps) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === 'sign-up';
  const nextQuery = next === '/chat' ? '' : `?next=${encodeURIComponent(next)}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const invalid = validate(email, password, mode);
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      await submit(email.trim(), password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(authErrorMessage(caught, mode));
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-5">
      <h1 className="text-2xl font-semibold text-slate-900">{signingUp ? 'Create your account' : 'Sign in'}</h1>
      {next !== '/chat' && !signingUp && (
        <p className="text-sm text-slate-700">
          Sign in to open the page you asked for; you will be taken straight there.
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="email"
          aria-describedby={error ? `${id}-error` : undefined}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="field"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete={signingUp ? 'new-password' : 'current-password'}
          aria-describedby={[signingUp ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className="field"
        />
        {signingUp && (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        )}
      </div>
      {error && (
        <p
          id={`${id}-error`}
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="btn-primary w-full">
        {signingUp ? 'Create account' : 'Sign in'}
      </button>
      <p className="text-sm text-slate-700">
        {signingUp ? 'Already have an account? ' : 'New here? '}
        <Link href={`${signingUp ? '/sign-in' : '/sign-up'}${nextQuery}`} className="link">
          {signingUp ? 'Sign in' : 'Create an account'}
        </Link>
      </p>
      {!signingUp && <PasswordHelp />}
    </form>
  );
}
