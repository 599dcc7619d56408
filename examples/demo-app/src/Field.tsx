/** Props of {@link Field}. */
interface FieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** The id of the element that explains an error. */
  describedBy: string | undefined;
  readOnly: boolean;
  type?: 'text' | 'password';
  autoComplete?: string;
}

/** A labelled, required text input. */
export function Field({
  name,
  label,
  value,
  onChange,
  invalid,
  describedBy,
  readOnly,
  type = 'text',
  autoComplete = name,
}: FieldProps) {
  return (
    <>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        readOnly={readOnly}
        required
      />
    </>
  );
}
