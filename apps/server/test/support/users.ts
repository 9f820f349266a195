import type { App } from '../../src/app.js';

let counter = 0;

/** Signs up a fresh local user through the API and returns its token and id. */
export async function signUp(
  app: App,
  email = `student${++counter}-${Date.now()}@example.com`,
): Promise<{ token: string; userId: string; email: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/auth/signup',
    payload: { email, password: 'correct horse battery' },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ token: string; user: { user_id: string } }>();
  return { token: body.token, userId: body.user.user_id, email };
}

/** The Authorization header for `token`. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
