import { loginInputSchema, type LoginInput } from '@ikt/shared/auth.schema';

export type LoginField = 'email' | 'password';

/** What is wrong with a field, worded by the screen in the UI language. */
export type LoginFieldProblem = 'required' | 'invalid' | 'tooLong';

export type LoginFormErrors = Partial<Record<LoginField, LoginFieldProblem>>;

export type LoginFormResult = { ok: true; input: LoginInput } | { ok: false; errors: LoginFormErrors };

/** Fields in the order they appear on the form, so the error summary lists them the same way. */
export const LOGIN_FIELDS: readonly LoginField[] = ['email', 'password'];

/**
 * Checks the sign-in form with the same shared schema the server validates with, before anything
 * is sent; the result is the exact body to post (email trimmed and lower-cased by the schema).
 */
export function validateLoginForm(values: { email: string; password: string }): LoginFormResult {
  const parsed = loginInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };

  const errors: LoginFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'email' && !errors.email) {
      errors.email = values.email.trim() === '' ? 'required' : 'invalid';
    }
    if (field === 'password' && !errors.password) {
      errors.password = values.password === '' ? 'required' : 'tooLong';
    }
  }
  return { ok: false, errors };
}
