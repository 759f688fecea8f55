/**
 * Hand-built task lists for the summary tests: every task says which row state it must have as of
 * FIXTURE_AS_OF, so the tests can count by hand what the summary must show.
 */
import type { Deadline, Finding, ProgressState, RowState, SheetAnalysis, Status, Task } from '../../src/domain/types';
import { UnitDirectory } from '../../src/domain/units/directory';

export const FIXTURE_AS_OF = '2022-09-15';
export const FIXTURE_SOON_DAYS = 10;

export const fixtureDirectory = new UnitDirectory({
  units: [
    { name: '办公室', aliases: ['管委会办公室'], category: '部门' },
    { name: '经济运行局', aliases: [], category: '部门' },
    { name: '市场监管局', aliases: [], category: '部门' },
    { name: '财政局', aliases: [], category: '部门' },
    { name: '社会发展局', aliases: [], category: '部门' },
    { name: '税务局', aliases: [], category: '驻区机构' },
  ],
  groups: [
    { name: '各部门', aliases: [], members: null, memberCategories: ['部门'] },
    { name: '各驻区机构', aliases: [], members: null, memberCategories: ['驻区机构'] },
    { name: '各街道', aliases: [], members: null },
  ],
});

export function dateDeadline(due: string, text = due): Deadline {
  return { text, kind: 'date', due };
}

export function openDeadline(kind: 'ongoing' | 'timely' | 'periodic' | 'unknown' | 'invalid', text: string): Deadline {
  return { text, kind, due: null };
}

export function status(text: string, state: ProgressState, doneOn: string | null = null): Status {
  return { text, state, doneOn, recognised: true };
}

interface TaskSpec {
  no: string;
  section?: string | null;
  subsection?: string | null;
  measure?: string;
  deadline: Deadline;
  lead?: string[];
  responsible?: string[];
  status?: Status | null;
}

let nextRow = 3;
export function task(spec: TaskSpec): Task {
  const row = nextRow++;
  return {
    row,
    rows: [row, row],
    no: spec.no,
    section: spec.section ?? null,
    subsection: spec.subsection ?? null,
    measure: spec.measure ?? `措施${spec.no}`,
    deadline: spec.deadline,
    lead: spec.lead ?? [],
    responsible: spec.responsible ?? [],
    status: spec.status === undefined ? null : spec.status,
  };
}

const S1 = '一、以公开助力经济平稳健康发展';
const S2 = '二、以公开助力保持社会和谐稳定';
const S3 = '三、提高政策公开质量';

/** Twelve tasks covering every state, with the state each must have as of FIXTURE_AS_OF. */
export const FIXTURE: { task: Task; expected: RowState }[] = [
  { expected: 'done', task: task({ no: '1', section: S1, subsection: '（一）市场主体', deadline: dateDeadline('2022-06-30', '6月底前'), lead: ['办公室'], responsible: ['各部门', '各驻区机构'], status: status('已完成', 'done') }) },
  { expected: 'done_late', task: task({ no: '2', section: S1, subsection: '（一）市场主体', deadline: dateDeadline('2022-06-30', '6月底前'), lead: ['经济运行局'], responsible: ['经济运行局', '市场监管局'], status: status('已于7月20日完成', 'done', '2022-07-20') }) },
  { expected: 'overdue', task: task({ no: '3', section: S1, subsection: '（二）减税降费', deadline: dateDeadline('2022-08-31', '8月31日前'), lead: ['经济运行局'], responsible: ['各部门', '财政局'], status: status('正在推进', 'in_progress') }) },
  { expected: 'overdue', task: task({ no: '4', section: S1, subsection: '（二）减税降费', measure: '=SUM(A1:A9) 看起来像公式的措施', deadline: dateDeadline('2022-09-01', '9月1日前'), lead: ['市场监管局'], responsible: ['市场监管局', '市场监管局'], status: status('', 'unknown') }) },
  { expected: 'due_soon', task: task({ no: '5', section: S2, subsection: '（三）疫情防控', deadline: dateDeadline('2022-09-20', '9月20日前'), lead: ['财政局'], responsible: ['财政局'], status: status('序时推进', 'in_progress') }) },
  { expected: 'on_track', task: task({ no: '6', section: S2, subsection: '（三）疫情防控', deadline: dateDeadline('2022-12-31', '年底前'), lead: ['财政局'], responsible: ['各街道'], status: status('序时推进', 'in_progress') }) },
  { expected: 'behind', task: task({ no: '7', section: S2, subsection: '（四）稳就业', deadline: dateDeadline('2022-11-30', '11月底前'), lead: ['社会发展局'], responsible: ['社会发展局'], status: status('进度滞后', 'behind') }) },
  { expected: 'ongoing', task: task({ no: '8', section: S2, subsection: '（四）稳就业', deadline: openDeadline('ongoing', '长期开展'), lead: ['办公室'], responsible: ['各部门'], status: status('持续推进', 'in_progress') }) },
  { expected: 'unknown', task: task({ no: '9', section: S3, deadline: openDeadline('unknown', ''), lead: [], responsible: ['办公室'], status: status('', 'unknown') }) },
  { expected: 'ongoing', task: task({ no: '10', section: S3, deadline: openDeadline('timely', '及时公开'), lead: ['管委会办公室'], responsible: ['各驻区机构'], status: null }) },
  { expected: 'overdue', task: task({ no: '11', section: S3, deadline: dateDeadline('2022-07-31', '7月31日前'), lead: ['社会发展局', '财政局'], responsible: ['社会发展局', '财政局'], status: status('未启动', 'not_started') }) },
  { expected: 'done', task: task({ no: '12', section: S3, deadline: dateDeadline('2022-12-31', '年底前'), lead: ['社会发展局'], responsible: [], status: status('已完成', 'done') }) },
];

export const FIXTURE_FINDINGS: Finding[] = [
  { severity: 'warning', code: 'unit.unknown', cell: 'F4', row: 4, message: { zh: '未知单位“经济局”', en: 'Unknown unit' }, suggestion: '经济运行局' },
  { severity: 'warning', code: 'unit.unknown', cell: 'F6', row: 6, message: { zh: '未知单位“财务局”', en: 'Unknown unit' }, suggestion: '财政局' },
  { severity: 'error', code: 'lead.missing', cell: 'E11', row: 11, message: { zh: '缺少牵头单位', en: 'No lead unit' }, suggestion: null },
  { severity: 'info', code: 'deadline.reading', cell: 'D9', row: 9, message: { zh: '完成时限按“年底前”理解', en: 'Deadline read as year end' }, suggestion: null },
];

export function analysisOf(tasks: Task[], findings: Finding[] = [], title: string | null = '测试2022年任务分工'): SheetAnalysis {
  return {
    sheet: 'Sheet1',
    title,
    planYear: 2022,
    layout: {
      headerRow: 2,
      firstDataRow: 3,
      lastDataRow: 2 + tasks.length,
      columns: { section: 0, subsection: 1, measure: 2, deadline: 3, lead: 4, responsible: 5, status: 6, number: null },
      lastColumn: 6,
      title,
      titleYear: 2022,
    },
    tasks,
    findings,
  };
}

export const fixtureAnalysis = analysisOf(
  FIXTURE.map((f) => f.task),
  FIXTURE_FINDINGS,
);
