/**
 * The lite task pane: the core flow — pick the sheet, 检查, 标色, 汇总 — in plain DOM, for Office 2016/2019,
 * which show add-ins in Internet Explorer 11 or EdgeHTML where the React 19 + Fluent UI pane cannot run. It
 * calls the same shared workflows through the same WorkbookHost (an ExcelHost inside Excel) and speaks from
 * the same message catalogues; only the drawing differs. Compiled to ES5 (see webpack.config.js).
 *
 * One operation at a time: while one runs every control is disabled and the pane says it is working. Any
 * failure becomes one zh-CN (or en-US) sentence in the message bar, never a raw exception.
 */
import { displayDate, parseTypedDate } from '../domain/dates';
import { DEFAULT_SOON_DAYS, STATE_NAMES } from '../domain/row-state';
import { ROW_STATES, type Finding, type LocalText, type RowState } from '../domain/types';
import { parseState, rememberedJudgement, withJudgement, type ProductSettings, type WorkbookState } from '../domain/workbook-state';
import type { SheetInfo } from '../ports/workbook-host';
import { describeError } from '../taskpane/describe-error';
import type { PaneEnvironment } from '../taskpane/environment';
import { translator, type MessageKey, type Translator } from '../taskpane/i18n';
import {
  clerkTables,
  findingLabel,
  groupFindings,
  initialSheet,
  legendEntries,
  localTimestamp,
  outcomeNotice,
  SEVERITIES,
  SEVERITY_LABELS,
  taskTotal,
} from '../taskpane/pane-basics';
import { runCheck, type CheckResult } from '../workflows/check';
import { runClear } from '../workflows/clear';
import { MAX_SOON_DAYS } from '../domain/row-state';
import { runHighlight } from '../workflows/highlight';
import { saveSettings } from '../workflows/settings';
import { runSummary } from '../workflows/summary';
import { button, el, labelled, setChildren, setFieldError } from './dom';

/** What the lite pane needs from the world: the full pane's environment, less the theme and the lazy workflows. */
export type LiteEnvironment = Pick<PaneEnvironment, 'host' | 'lang' | 'today'>;

type NoticeIntent = 'success' | 'warning' | 'error';

const NOTICE_WORDS: Record<NoticeIntent, MessageKey> = {
  success: 'lite.success',
  warning: 'check.severity.warning',
  error: 'check.severity.error',
};

export interface LitePane {
  /** Settles when the start-up read (sheet list and first check) has finished, whatever its outcome. */
  readonly ready: Promise<void>;
}

/** Draws the lite pane into `container` and starts it (reads the workbook and checks the starting sheet). */
export function mountLitePane(container: HTMLElement, env: LiteEnvironment): LitePane {
  const pane = new LitePaneView(container, env);
  return { ready: pane.start() };
}

class LitePaneView {
  private readonly tr: Translator;
  private busy = false;
  private settings: ProductSettings = {};
  private sheet: string | null = null;
  private checkResult: CheckResult | null = null;
  private counts: Record<RowState, number> | null = null;
  /** The judgement being saved, if any: operations wait for it (both read and rewrite the saved state). */
  private saving: Promise<void> = Promise.resolve();

  private readonly root: HTMLElement;
  private readonly notice = el('div', { className: 'lite-notice', attrs: { 'aria-live': 'polite' } });
  private readonly busyLine = el('p', { className: 'lite-busy', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly sheetPicker = el('select', { className: 'lite-input', attrs: { 'data-testid': 'lite-sheet' } });
  private readonly sheetInfo = el('div', { className: 'lite-sheet-info' });
  private readonly findings = el('div', { className: 'lite-findings', attrs: { 'data-testid': 'lite-findings' } });
  private readonly asOf = el('input', { className: 'lite-input', attrs: { type: 'text', inputmode: 'numeric', 'data-testid': 'lite-as-of' } });
  private readonly soonDays = el('input', { className: 'lite-input lite-input--short', attrs: { type: 'text', inputmode: 'numeric', 'data-testid': 'lite-soon-days' } });
  private readonly legend = el('ul', { className: 'lite-legend', attrs: { 'data-testid': 'lite-legend' } });
  private readonly summaryResult = el('div', { className: 'lite-summary', attrs: { 'data-testid': 'lite-summary' } });
  /** Controls that are disabled while an operation runs (and those needing a sheet). */
  private readonly controls: (HTMLButtonElement | HTMLInputElement | HTMLSelectElement)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly env: LiteEnvironment,
  ) {
    this.tr = translator(env.lang);
    this.root = this.draw();
    setChildren(container, [this.root]);
  }

  async start(): Promise<void> {
    await this.run('app.loading', async () => {
      const snapshot = await this.env.host.read();
      const { state } = parseState(snapshot.stateText);
      this.settings = state.settings;
      const judged = rememberedJudgement(state.settings, this.env.today());
      this.asOf.value = judged.asOf;
      this.soonDays.value = String(judged.soonDays);
      this.showSheets(snapshot.sheets, state, snapshot.stateSheet);
      this.sheet = initialSheet(snapshot.sheets, snapshot.activeSheet, state, snapshot.stateSheet);
      if (this.sheet) {
        this.sheetPicker.value = this.sheet;
        await this.check();
      }
    });
  }

  // ---- drawing ----

  private draw(): HTMLElement {
    const t = (key: MessageKey) => this.tr.t(key);
    this.asOf.value = this.env.today();
    this.soonDays.value = String(DEFAULT_SOON_DAYS);
    this.asOf.setAttribute('placeholder', '2022-09-15');
    // Remembered in the workbook's settings as the full pane does, so both panes and every workflow agree.
    this.asOf.addEventListener('change', () => void this.rememberJudgement());
    this.soonDays.addEventListener('change', () => void this.rememberJudgement());
    this.sheetPicker.addEventListener('change', () => {
      this.sheet = this.sheetPicker.value || null;
      void this.run('sheet.reload', () => this.check());
    });
    this.track(this.sheetPicker);
    this.track(this.asOf);
    this.track(this.soonDays);
    this.drawLegend();

    const section = (titleKey: MessageKey, testId: string, children: Node[]) =>
      el('section', { className: 'lite-section', attrs: { 'aria-label': t(titleKey), 'data-testid': testId } }, [
        el('h2', { className: 'lite-heading', text: t(titleKey) }),
        ...children,
      ]);

    return el('main', { className: 'lite', attrs: { lang: this.env.lang } }, [
      el('h1', { className: 'lite-title', text: t('app.title') }),
      el('p', { className: 'lite-note', text: t('lite.note') }, [
        document.createTextNode(' '),
        // The help page ships beside the pane's page, as the full pane links it.
        el('a', { className: 'lite-link', text: t('app.help'), attrs: { href: 'help.html', target: '_blank', rel: 'noopener', 'data-testid': 'lite-help' } }),
      ]),
      this.busyLine,
      this.notice,
      // One 判断日期 and 临期 window for 标色 and 汇总, above everything (as the full pane's header shows them).
      el('div', { className: 'lite-row lite-judgement', attrs: { role: 'group', 'aria-label': t('judgement.group'), 'data-testid': 'lite-judgement' } }, [
        labelled(t('highlight.asOf'), this.asOf, t('lite.asOfHint')),
        labelled(t('highlight.soonDays'), this.soonDays),
      ]),
      section('tab.sheet', 'lite-sheet-section', [
        labelled(t('sheet.pick'), this.sheetPicker),
        this.sheetInfo,
      ]),
      section('tab.check', 'lite-check-section', [
        el('p', { className: 'lite-intro', text: t('check.intro') }),
        el('div', { className: 'lite-row' }, [this.track(button(t('check.run'), () => void this.run('check.run', () => this.check()), 'lite-button lite-button--primary'))]),
        this.findings,
      ]),
      section('tab.highlight', 'lite-highlight-section', [
        el('p', { className: 'lite-intro', text: t('highlight.intro') }),
        el('div', { className: 'lite-row' }, [
          this.track(button(t('highlight.apply'), () => void this.run('highlight.apply', () => this.highlight()), 'lite-button lite-button--primary')),
          this.track(button(t('highlight.clear'), () => void this.run('highlight.clear', () => this.clear()))),
        ]),
        el('h3', { className: 'lite-subheading', text: t('highlight.legend') }),
        this.legend,
      ]),
      section('tab.summary', 'lite-summary-section', [
        el('p', { className: 'lite-intro', text: t('summary.intro') }),
        el('div', { className: 'lite-row' }, [this.track(button(t('summary.run'), () => void this.run('summary.run', () => this.summary()), 'lite-button lite-button--primary'))]),
        this.summaryResult,
      ]),
    ]);
  }

  private track<T extends HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(control: T): T {
    this.controls.push(control);
    return control;
  }

  /** The clerk's own tables (not hidden, not the product's sheets), as the full pane lists them. */
  private showSheets(sheets: SheetInfo[], state: WorkbookState, stateSheet?: string | null): void {
    const names = clerkTables(sheets, state, stateSheet).map((s) => s.name);
    setChildren(
      this.sheetPicker,
      names.map((name) => el('option', { text: name, attrs: { value: name } })),
    );
    if (this.sheet && names.indexOf(this.sheet) >= 0) this.sheetPicker.value = this.sheet;
  }

  private drawLegend(): void {
    setChildren(
      this.legend,
      legendEntries(this.settings, this.counts, this.tr).map(({ state, name, text, colour }) => {
        const swatch = el('span', { className: 'lite-swatch', text: name });
        if (colour) {
          swatch.style.backgroundColor = colour.fill;
          swatch.style.color = colour.font;
        }
        return el('li', { className: 'lite-legend-item', attrs: { 'data-state': state } }, [swatch, el('span', { text })]);
      }),
    );
  }

  private drawCheck(result: CheckResult): void {
    const { analysis } = result;
    const layout = analysis.layout;
    setChildren(this.sheetInfo, [
      el('p', {
        text: this.tr.t('sheet.detected', { header: layout.headerRow, first: layout.firstDataRow, last: layout.lastDataRow, tasks: analysis.tasks.length }),
      }),
      ...(analysis.title ? [el('p', { text: this.tr.t('sheet.title', { title: analysis.title }) })] : []),
      el('p', { text: this.tr.t('sheet.planYear', { year: analysis.planYear }) }),
    ]);

    const groups = groupFindings(analysis.findings);
    const parts: Node[] = [
      el('p', {
        className: 'lite-strong',
        text: this.tr.t('check.result', { tasks: analysis.tasks.length, errors: groups.error.length, warnings: groups.warning.length, infos: groups.info.length }),
      }),
    ];
    if (analysis.findings.length === 0) parts.push(el('p', { text: this.tr.t('check.clean') }));
    for (const severity of SEVERITIES) {
      const list = groups[severity];
      if (list.length === 0) continue;
      const heading = this.tr.t('check.group', { severity: this.tr.t(SEVERITY_LABELS[severity]), count: list.length });
      parts.push(
        el('h3', { className: `lite-subheading lite-severity lite-severity--${severity}`, text: heading }),
        el('ul', { className: 'lite-list', attrs: { 'aria-label': heading, 'data-testid': `lite-findings-${severity}` } }, list.map((f) => this.findingItem(f))),
      );
    }
    setChildren(this.findings, parts);
  }

  private findingItem(finding: Finding): HTMLElement {
    const { label, suggestion } = findingLabel(finding, this.tr);
    const lines: Node[] = [el('span', { text: label })];
    if (suggestion) lines.push(el('span', { className: 'lite-suggestion', text: suggestion }));
    if (!finding.cell || !this.sheet) return el('li', { className: 'lite-finding' }, lines);
    const sheet = this.sheet;
    const cell = finding.cell;
    const go = el('button', { className: 'lite-finding-button', attrs: { type: 'button', 'data-finding': finding.code, 'data-cell': cell } }, lines);
    go.addEventListener('click', () => void this.run('check.run', () => this.env.host.select(sheet, cell)));
    this.track(go);
    return el('li', { className: 'lite-finding' }, [go]);
  }

  // ---- operations ----

  /** Runs one operation at a time, with every control disabled meanwhile; failures become the message bar. */
  private async run(label: MessageKey, operation: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.showNotice(null);
    this.busyLine.textContent = `${this.tr.t(label)} · ${this.tr.t('app.busy')}`;
    this.root.setAttribute('aria-busy', 'true');
    this.updateControls();
    try {
      await this.saving;
      await operation();
    } catch (error) {
      this.showNotice('error', describeError(error, this.tr));
    } finally {
      this.busy = false;
      this.busyLine.textContent = '';
      this.root.removeAttribute('aria-busy');
      this.updateControls();
    }
  }

  private updateControls(): void {
    const live = this.controls.filter((c) => this.container.contains(c));
    this.controls.length = 0;
    this.controls.push(...live);
    for (const control of live) {
      const needsSheet = control !== this.asOf && control !== this.soonDays && control !== this.sheetPicker;
      control.disabled = this.busy || (needsSheet && !this.sheet);
    }
  }

  private async check(): Promise<void> {
    if (!this.sheet) {
      this.showNotice('warning', this.tr.t('sheet.noSheet'));
      return;
    }
    this.checkResult = null;
    // The workflows read the plan year and column corrections saved in the workbook themselves.
    const result = await runCheck(this.env.host, { sheet: this.sheet });
    this.checkResult = result;
    this.settings = result.state.settings;
    this.showSheets(result.snapshot.sheets, result.state);
    this.drawCheck(result);
    if (result.stateDamaged) this.showNotice('warning', this.tr.t('sheet.stateDamaged'));
  }

  /** The as-of date and due-soon days, or null after saying (beside the field) what is wrong with them. */
  private dates(focus = true): { asOf: string; soonDays: number } | null {
    const asOf = parseTypedDate(this.asOf.value);
    setFieldError(this.asOf, asOf === null ? this.tr.t('highlight.invalidDate') : null);
    if (asOf === null) {
      if (focus) this.asOf.focus();
      return null;
    }
    const days = this.soonDays.value.trim();
    const soonDays = Number(days);
    const daysOk = /^\d+$/.test(days) && soonDays <= MAX_SOON_DAYS;
    setFieldError(this.soonDays, daysOk ? null : this.tr.t('highlight.invalidDays', { max: MAX_SOON_DAYS }));
    if (!daysOk) {
      if (focus) this.soonDays.focus();
      return null;
    }
    return { asOf, soonDays };
  }

  /** Saves a valid judgement the clerk changed in the workbook's settings (not while an operation runs). */
  private async rememberJudgement(): Promise<void> {
    const dates = this.dates(false);
    if (!dates || this.busy || !withJudgement(this.settings, dates.asOf, dates.soonDays, this.env.today())) return;
    const today = this.env.today();
    const options = this.sheet ? { sheet: this.sheet } : {};
    // Quietly, and queued: the click on 标色 that caused this blur must still run (after the save, see run).
    this.saving = this.saving
      .then(async () => {
        this.settings = await saveSettings(this.env.host, (current) => withJudgement(current, dates.asOf, dates.soonDays, today) ?? current, options);
      })
      .catch((error: unknown) => this.showNotice('error', describeError(error, this.tr)));
    await this.saving;
  }

  private async highlight(): Promise<void> {
    const dates = this.dates();
    if (!dates || !this.sheet) return;
    const result = await runHighlight(this.env.host, { sheet: this.sheet, ...dates });
    this.counts = result.counts;
    this.drawLegend();
    this.showOutcome(this.tr.t('highlight.applied', { asOf: displayDate(dates.asOf, this.tr.lang), rows: taskTotal(result.counts) }), result.warnings);
  }

  private async clear(): Promise<void> {
    if (!this.sheet) return;
    const cleared = await runClear(this.env.host, { sheet: this.sheet });
    this.counts = null;
    this.drawLegend();
    if (cleared.hadRecord) this.showNotice('success', this.tr.t('highlight.cleared', { cells: cleared.restoredCells }));
    else this.showNotice('warning', this.tr.t('highlight.nothingToClear', { sheet: cleared.sheet }));
  }

  private async summary(): Promise<void> {
    const dates = this.dates();
    if (!dates || !this.sheet) return;
    const result = await runSummary(this.env.host, {
      sheet: this.sheet,
      ...dates,
      lang: this.env.lang,
      generatedAt: localTimestamp(),
    });
    const paragraph = el('textarea', {
      className: 'lite-paragraph',
      attrs: { readonly: 'readonly', rows: '7', 'data-testid': 'lite-paragraph' },
    });
    paragraph.value = result.paragraph;
    const copy = this.track(button(this.tr.t('summary.copy'), () => this.copy(paragraph)));
    const sheetName = result.sheetName;
    const goTo = this.track(button(this.tr.t('summary.goTo'), () => void this.run('summary.goTo', () => this.env.host.select(sheetName, 'A1'))));
    goTo.setAttribute('data-testid', 'lite-go-to-summary');
    setChildren(this.summaryResult, [
      el('div', { className: 'lite-row' }, [goTo]),
      el('p', { className: 'lite-strong', text: this.tr.t('summary.total', { total: result.model.total }) }),
      el('ul', { className: 'lite-list lite-counts' }, ROW_STATES.filter((s) => result.model.states[s] > 0).map((s) =>
        el('li', { text: `${this.tr.local(STATE_NAMES[s])}：${result.model.states[s]}` }),
      )),
      labelled(this.tr.t('summary.paragraph'), paragraph),
      el('div', { className: 'lite-row' }, [copy]),
    ]);
    // The picker stays as it is: the summary sheet is the product's, not a table to pick.
    this.showOutcome(this.tr.t('summary.done', { sheet: result.sheetName }), result.warnings);
  }

  /**
   * Copies the paragraph. IE11 and EdgeHTML have no usable asynchronous clipboard in an add-in, but copy the
   * selection of a textarea with execCommand; where that fails the clerk is told to press Ctrl+C, with the
   * text left selected.
   */
  private copy(paragraph: HTMLTextAreaElement): void {
    paragraph.focus();
    paragraph.select();
    let copied = false;
    try {
      copied = typeof document.execCommand === 'function' && document.execCommand('copy');
    } catch {
      copied = false;
    }
    this.showNotice(copied ? 'success' : 'warning', this.tr.t(copied ? 'summary.copied' : 'summary.copyFailed'));
  }

  // ---- messages ----

  private showOutcome(text: string, warnings: LocalText[]): void {
    const outcome = outcomeNotice(text, warnings, this.tr);
    this.showNotice(outcome.intent, outcome.text);
  }

  private showNotice(intent: NoticeIntent | null, text = ''): void {
    if (!intent) {
      setChildren(this.notice, []);
      return;
    }
    const dismiss = button('×', () => setChildren(this.notice, []), 'lite-dismiss');
    dismiss.setAttribute('aria-label', this.tr.t('app.dismiss'));
    setChildren(this.notice, [
      el('div', { className: `lite-message lite-message--${intent}`, attrs: { role: intent === 'error' ? 'alert' : 'status', 'data-testid': 'lite-message' } }, [
        el('strong', { className: 'lite-message-word', text: `${this.tr.t(NOTICE_WORDS[intent])}：` }),
        el('span', { text }),
        dismiss,
      ]),
    ]);
  }
}
