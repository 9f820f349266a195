/** A centred, announced loading state. */
export function Loading({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <p role="status" className="p-8 text-center text-slate-700">
      {label}
    </p>
  );
}
