/**
 * @jest-environment jsdom
 *
 * The preview's open-file control shows the page's words, not the browser's: a button that opens a hidden input.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { OpenFileButton } from '../../src/preview/OpenFileButton';
import { previewText } from '../../src/preview/preview-i18n';

test('a 打开 .xlsx 文件… button opens the hidden native input, and the chosen file is opened', () => {
  const opened = jest.fn();
  render(<OpenFileButton label={previewText('zh-CN', 'preview.open')} accept=".xlsx" style={{}} onFile={opened} />);
  const button = screen.getByRole('button', { name: '打开 .xlsx 文件…' });
  const input = screen.getByTestId('open-file') as HTMLInputElement;
  expect(input.hidden).toBe(true);
  expect(input.tabIndex).toBe(-1);
  const clicked = jest.fn();
  input.addEventListener('click', clicked);
  fireEvent.click(button);
  expect(clicked).toHaveBeenCalledTimes(1);
  const file = new File([new Uint8Array([80, 75, 3, 4])], '任务分工.xlsx');
  fireEvent.change(input, { target: { files: [file] } });
  expect(opened).toHaveBeenCalledWith(file);
});
