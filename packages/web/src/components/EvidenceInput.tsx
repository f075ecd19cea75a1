import type { ReactNode } from 'react';

/**
 * A labelled file input for evidence: photos (the tablet's rear camera) and PDFs. Used for the sheet's evidence
 * upload and for an observation's evidence.
 */
export function EvidenceInput({
  label,
  className,
  onFile,
}: {
  label: ReactNode;
  className: string;
  onFile: (file: File) => void;
}) {
  return (
    <label className={className}>
      {label}
      <input
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) {
            onFile(file);
          }
        }}
      />
    </label>
  );
}
