/**
 * A file field in the pane's language: the native input shows the browser's words (Choose file / No file chosen
 * in an English Chromium), so it is kept hidden and a Fluent button opens it, with the chosen file's name (or
 * 未选择文件) beside it. The button is the control the Field labels: it takes the keyboard, and a screen reader
 * hears the field's label, the button's words and what is chosen.
 */
import { useId, useRef } from 'react';
import { Button, Field, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useController } from '../controller';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  chosen: { minWidth: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

export interface FilePickerProps {
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  chosen: readonly File[];
  onChoose(files: File[]): void;
  /** On the native input, for tests that hand it files directly. */
  testId: string;
}

export function FilePicker({ label, hint, accept, multiple = false, chosen, onChoose, testId }: FilePickerProps) {
  const styles = useStyles();
  const { tr } = useController();
  const input = useRef<HTMLInputElement>(null);
  const wordsId = useId();
  const chosenId = useId();
  const names = chosen.map((f) => f.name).join('、');
  const chosenText = chosen.length === 0 ? tr.t('file.none') : chosen.length === 1 ? names : tr.t('file.several', { count: chosen.length, names });
  return (
    <Field label={label} hint={hint}>
      {(fieldProps) => (
        <div className={styles.row}>
          <Button
            {...fieldProps}
            // The field's label, then the button's own words: what the field is, and what the button does.
            aria-labelledby={[fieldProps['aria-labelledby'], wordsId].filter(Boolean).join(' ')}
            aria-describedby={[chosenId, fieldProps['aria-describedby']].filter(Boolean).join(' ')}
            onClick={() => input.current?.click()}
          >
            <span id={wordsId}>{tr.t('file.choose')}</span>
          </Button>
          <Text id={chosenId} className={styles.chosen} data-testid={`${testId}-chosen`}>
            {chosenText}
          </Text>
          <input
            ref={input}
            type="file"
            hidden
            tabIndex={-1}
            accept={accept}
            multiple={multiple}
            data-testid={testId}
            onChange={(e) => {
              onChoose(Array.from(e.target.files ?? []));
              // Emptied, so choosing the same file again (after fixing it) is heard as a new choice.
              e.target.value = '';
            }}
          />
        </div>
      )}
    </Field>
  );
}
