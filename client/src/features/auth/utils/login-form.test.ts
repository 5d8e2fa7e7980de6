import { describe, expect, it } from 'vitest';
import { validateLoginForm } from './login-form';

describe('validateLoginForm', () => {
  it('answers the body to post, email trimmed and lower-cased as the server expects', () => {
    expect(validateLoginForm({ email: '  Lead.IKSD@Riga.example ', password: 'riga-demo-2027' })).toEqual({
      ok: true,
      input: { email: 'lead.iksd@riga.example', password: 'riga-demo-2027' },
    });
  });

  it('keeps the password exactly as typed', () => {
    const result = validateLoginForm({ email: 'a@riga.example', password: '  spaced  ' });
    expect(result).toEqual({ ok: true, input: { email: 'a@riga.example', password: '  spaced  ' } });
  });

  it('names each empty field as required', () => {
    expect(validateLoginForm({ email: '', password: '' })).toEqual({
      ok: false,
      errors: { email: 'required', password: 'required' },
    });
    expect(validateLoginForm({ email: '   ', password: 'x' })).toEqual({ ok: false, errors: { email: 'required' } });
  });

  it('tells a malformed email from a missing one', () => {
    expect(validateLoginForm({ email: 'not-an-email', password: 'x' })).toEqual({
      ok: false,
      errors: { email: 'invalid' },
    });
  });

  it('refuses a password longer than the server accepts', () => {
    expect(validateLoginForm({ email: 'a@riga.example', password: 'x'.repeat(1025) })).toEqual({
      ok: false,
      errors: { password: 'tooLong' },
    });
  });
});
