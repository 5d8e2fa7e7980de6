/**
 * A text field's value from a submitted form: '' when the form has no such field. (FormData
 * answers a File for a file input; none of our text fields is one, and '' beats "[object File]".)
 */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
