/**
 * The preview's 打开 .xlsx 文件… control: a plain button in the page's language that opens a hidden native input
 * (whose own words — Choose File / No file chosen — would be the browser's language, not the page's).
 */
import { useRef, type CSSProperties } from 'react';

export interface OpenFileButtonProps {
  label: string;
  accept: string;
  style: CSSProperties;
  onFile(file: File): void;
}

export function OpenFileButton({ label, accept, style, onFile }: OpenFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" style={style} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={accept}
        data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          // Emptied, so opening the same file again is heard as a new choice.
          e.target.value = '';
        }}
      />
    </>
  );
}
