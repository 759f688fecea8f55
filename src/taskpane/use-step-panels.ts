/** Loads the later tabs' panels (panels/step-panels.ts) once per page, starting when the pane first mounts. */
import { useEffect, useState } from 'react';

export type StepPanels = typeof import('./panels/step-panels');

let loading: Promise<StepPanels> | null = null;

function loadStepPanels(): Promise<StepPanels> {
  loading ??= import(/* webpackChunkName: "panels" */ './panels/step-panels').catch((error: unknown) => {
    // A chunk that failed to arrive (network) is asked for again by the next pane that mounts.
    loading = null;
    throw error;
  });
  return loading;
}

/** The panels once loaded; null while they load; 'failed' when they could not be loaded. */
export function useStepPanels(): StepPanels | 'failed' | null {
  const [panels, setPanels] = useState<StepPanels | 'failed' | null>(null);
  useEffect(() => {
    let mounted = true;
    loadStepPanels().then(
      (loaded) => mounted && setPanels(loaded),
      (error: unknown) => {
        console.error(error);
        if (mounted) setPanels('failed');
      },
    );
    return () => {
      mounted = false;
    };
  }, []);
  return panels;
}
