import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { fieldPath, formProblems } from './problem-fields';

const refused = (errors: { path: string; message: string }[], status = 400) =>
  new ApiError('problem', { status, title: 'Nepareizs pieprasījums', errors });

describe('fieldPath', () => {
  it('drops the part of the request a path names', () => {
    expect(fieldPath('body.email')).toBe('email');
    expect(fieldPath('body.target.value')).toBe('target.value');
    expect(fieldPath('query.fiscalYear')).toBe('fiscalYear');
    expect(fieldPath('items.3.title')).toBe('items.3.title');
    expect(fieldPath('body')).toBe('');
  });
});

describe('formProblems', () => {
  it('puts each message on the field the request names it by, in the form’s order', () => {
    const problems = formProblems(
      refused([
        { path: 'body.password', message: 'Vismaz 12 rakstzīmes' },
        { path: 'body.email', message: 'Ievadiet e-pasta adresi pareizā formā' },
      ]),
      { fields: ['name', 'email', 'password'] },
    );
    expect(problems).toEqual({
      fields: { email: 'Ievadiet e-pasta adresi pareizā formā', password: 'Vismaz 12 rakstzīmes' },
      first: 'email',
      others: [],
    });
  });

  it('maps other paths to a field, a path covering the paths below it', () => {
    const problems = formProblems(
      refused([
        { path: 'body.target.value', message: 'Ne vairāk kā 34,5 %' },
        { path: 'body.amounts.2027', message: 'Summa nevar būt negatīva' },
        { path: 'items.3.title', message: 'Aizpildiet šo lauku' },
      ]),
      { fields: ['amounts'], paths: { 'target.value': 'percent', 'items.3': 'row3' } },
    );
    expect(problems.fields).toEqual({
      percent: 'Ne vairāk kā 34,5 %',
      amounts: 'Summa nevar būt negatīva',
      row3: 'Aizpildiet šo lauku',
    });
  });

  it('keeps what no field shows, once each, without its path', () => {
    const problems = formProblems(
      refused([
        { path: 'body.role', message: 'Nepieļaujama vērtība' },
        { path: 'body.role', message: 'Nepieļaujama vērtība' },
        { path: 'body', message: 'Nezināmi lauki: x' },
      ]),
      { fields: ['email'] },
    );
    expect(problems).toEqual({ fields: {}, first: undefined, others: ['Nepieļaujama vērtība', 'Nezināmi lauki: x'] });
  });

  it('joins several messages of one field into one sentence', () => {
    const problems = formProblems(
      refused([
        { path: 'body.code', message: 'Par garu.' },
        { path: 'body.code', message: 'Nepareizs formāts' },
      ]),
      { fields: ['code'] },
    );
    expect(problems.fields.code).toBe('Par garu; Nepareizs formāts.');
  });

  it('has nothing to place for a failure that is not a problem answer', () => {
    expect(formProblems(new Error('x'), { fields: ['email'] })).toEqual({ fields: {}, first: undefined, others: [] });
    expect(formProblems(null, { fields: ['email'] })).toEqual({ fields: {}, first: undefined, others: [] });
  });
});
