/** A dash for the eye and words for the screen reader, where a figure is absent. */
export function MissingValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
