import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, serverFieldErrors, validatePasswordForm } from './password-form';

const good = {
  currentPassword: 'old-password',
  newPassword: 'a-long-new-password',
  confirmPassword: 'a-long-new-password',
};

describe('validatePasswordForm', () => {
  it('answers the body to post, passwords exactly as typed, without the repeated one', () => {
    expect(validatePasswordForm({ ...good, currentPassword: ' old ' })).toEqual({
      ok: true,
      input: { currentPassword: ' old ', newPassword: 'a-long-new-password' },
    });
  });

  it('names each empty field as required', () => {
    expect(validatePasswordForm({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual({
      ok: false,
      errors: { currentPassword: 'required', newPassword: 'required', confirmPassword: 'required' },
    });
  });

  it('applies the server’s length rules to the new password', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
    expect(validatePasswordForm({ ...good, newPassword: short, confirmPassword: short })).toEqual({
      ok: false,
      errors: { newPassword: 'tooShort' },
    });
    const long = 'x'.repeat(257);
    expect(validatePasswordForm({ ...good, newPassword: long, confirmPassword: long })).toEqual({
      ok: false,
      errors: { newPassword: 'tooLong' },
    });
  });

  it('wants the new password typed the same twice, and different from the current one', () => {
    expect(validatePasswordForm({ ...good, confirmPassword: 'a-long-new-passwort' })).toEqual({
      ok: false,
      errors: { confirmPassword: 'mismatch' },
    });
    const same = 'the-same-password-2027';
    expect(validatePasswordForm({ currentPassword: same, newPassword: same, confirmPassword: same })).toEqual({
      ok: false,
      errors: { newPassword: 'sameAsCurrent' },
    });
  });
});

describe('serverFieldErrors', () => {
  it('puts the server’s words on the field they name', () => {
    expect(
      serverFieldErrors([
        { path: 'body.currentPassword', message: 'Nepareiza parole' },
        { path: 'body.newPassword', message: 'Par mazu' },
        { path: 'body', message: 'Nezināmi lauki' },
      ]),
    ).toEqual({ currentPassword: 'Nepareiza parole', newPassword: 'Par mazu' });
  });
});
