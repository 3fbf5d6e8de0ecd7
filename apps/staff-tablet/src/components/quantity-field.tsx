// A quantity from 0 to max with big − and + keys (a number input alone is too small for a thumb).
interface Props {
  label: string;
  value: number;
  max: number;
  onChange: (n: number) => void;
}

export function QuantityField({ label, value, max, onChange }: Props) {
  const set = (n: number) => onChange(Math.max(0, Math.min(max, n)));
  return (
    <div className="quantity" role="group" aria-label={label}>
      <button type="button" className="secondary" aria-label={`${label} −1`} onClick={() => set(value - 1)} disabled={value <= 0}>
        −
      </button>
      <input type="number" min={0} max={max} value={value} aria-label={label} onChange={(e) => set(Number(e.target.value) || 0)} />
      <button type="button" className="secondary" aria-label={`${label} +1`} onClick={() => set(value + 1)} disabled={value >= max}>
        +
      </button>
    </div>
  );
}
