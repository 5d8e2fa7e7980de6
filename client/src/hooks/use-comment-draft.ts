import { useId, useState } from 'react';

/**
 * A comment (or reason) being written for a step that may require one: its text, the check that
 * marks the field and moves the focus to it when it is required but empty, and the field's props.
 */
export function useCommentDraft() {
  const id = useId();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const text = value.trim();
  return {
    /** The comment without surrounding spaces; `''` for none. */
    text,
    clear: () => setValue(''),
    /** Whether the step may go on: not when the comment is `required` and empty (the field then says so). */
    check(required: boolean): boolean {
      if (required && text === '') {
        setMissing(true);
        document.getElementById(id)?.focus();
        return false;
      }
      setMissing(false);
      return true;
    },
    /** What a CommentField needs; `required` is the words shown once a check found the comment missing. */
    field: (required: string) => ({ id, value, onChange: setValue, message: missing ? required : undefined }),
  };
}
