import { changePasswordInputSchema, type ChangePasswordInput } from '@ikt/shared/auth.schema';
import { passwordSchema } from '@ikt/shared/user.schema';
import type { ApiFieldError } from '../../../api/client';

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** What is wrong with a field, worded by the screen in the UI language. */
export type PasswordFieldProblem = 'required' | 'tooShort' | 'tooLong' | 'mismatch' | 'sameAsCurrent';

export type PasswordFormErrors = Partial<Record<PasswordField, PasswordFieldProblem>>;

export type PasswordFormResult = { ok: true; input: ChangePasswordInput } | { ok: false; errors: PasswordFormErrors };

/** Fields in the order they appear on the form, so the error summary lists them the same way. */
export const PASSWORD_FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

/** The shortest new password the server accepts (its rule, read from the shared schema). */
export const MIN_PASSWORD_LENGTH = passwordSchema.minLength ?? 1;

/**
 * Checks the form with the shared schema the server validates with (and that the new password is
 * typed the same twice, which only the screen cares about); the result is the exact body to post.
 */
export function validatePasswordForm(values: Record<PasswordField, string>): PasswordFormResult {
  const errors: PasswordFormErrors = {};
  const parsed = changePasswordInputSchema.safeParse({
    currentPassword: values.currentPassword,
    newPassword: values.newPassword,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field !== 'currentPassword' && field !== 'newPassword') continue;
      if (errors[field]) continue;
      if (values[field] === '') errors[field] = 'required';
      else errors[field] = issue.code === 'too_small' ? 'tooShort' : 'tooLong';
    }
  }
  if (!errors.newPassword && values.newPassword === values.currentPassword && values.newPassword !== '') {
    errors.newPassword = 'sameAsCurrent';
  }
  if (values.confirmPassword === '') errors.confirmPassword = 'required';
  else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = 'mismatch';

  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors };
}

/** The server's field errors (`body.currentPassword`, …) by the form's fields, in its own words. */
export function serverFieldErrors(errors: readonly ApiFieldError[]): Partial<Record<PasswordField, string>> {
  const byField: Partial<Record<PasswordField, string>> = {};
  for (const error of errors) {
    const field = error.path.replace(/^body\./, '');
    if ((field === 'currentPassword' || field === 'newPassword') && byField[field] === undefined) {
      byField[field] = error.message;
    }
  }
  return byField;
}
