import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** A label and its control side by side, as a filter bar shows them; `children` gets the control's id. */
export function InlineField({ label, children }: { label: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

interface SearchParamSelectProps {
  label: ReactNode;
  /** The query parameter the choice lives in, so the page can be linked as it is. */
  param: string;
  value: string | number;
  /** The `<option>`s; one with the value `''` ("all") takes the parameter away. */
  children: ReactNode;
}

/** A filter bar's choice kept in the address (`?param=`), replacing the history entry rather than adding one. */
export function SearchParamSelect({ label, param, value, children }: SearchParamSelectProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <InlineField label={label}>
      {(id) => (
        <select
          id={id}
          value={value}
          onChange={(event) => {
            const next = new URLSearchParams(searchParams);
            if (event.target.value === '') next.delete(param);
            else next.set(param, event.target.value);
            setSearchParams(next, { replace: true });
          }}
        >
          {children}
        </select>
      )}
    </InlineField>
  );
}
