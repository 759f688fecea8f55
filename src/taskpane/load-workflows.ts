/** Loads the workflows on first use, in their own chunk (the domain and its calendar data are not needed to draw the pane). */
import type { PaneWorkflows } from './workflows';

export function loadWorkflows(): Promise<PaneWorkflows> {
  return import(/* webpackChunkName: "workflows" */ './workflows').then((m) => m.paneWorkflows());
}
