/**
 * The panels of every tab after 检查, loaded in a chunk of their own: the pane's first paint shows the sheet bar,
 * the judgement and 检查, and these arrive while the start-up check runs.
 */
export { BringInPanel } from './BringInPanel';
export { DirectoryPanel } from './DirectoryPanel';
export { HighlightPanel } from './HighlightPanel';
export { ReturnsPanel } from './ReturnsPanel';
export { SettingsPanel } from './SettingsPanel';
export { SummaryPanel } from './SummaryPanel';
