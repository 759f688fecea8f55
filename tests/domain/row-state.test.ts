import { DEFAULT_COLOURS, normaliseColour, resolveColours } from '../../src/domain/colours';
import { countStates, DEFAULT_SOON_DAYS, isSoonDays, MAX_SOON_DAYS, rowState, STATE_DESCRIPTIONS, STATE_NAMES } from '../../src/domain/row-state';
import type { Deadline, ProgressState, Task } from '../../src/domain/types';
import { ROW_STATES } from '../../src/domain/types';

function deadline(kind: Deadline['kind'], due: string | null = null): Deadline {
  return { text: due ?? kind, kind, due };
}

function task(dl: Deadline, state: ProgressState | null, doneOn: string | null = null): Task {
  return {
    row: 3,
    rows: [3, 3],
    no: '1',
    section: null,
    subsection: null,
    measure: 'm',
    deadline: dl,
    lead: [],
    responsible: [],
    status: state === null ? null : { text: state, state, doneOn, recognised: true },
  };
}

const AS_OF = '2022-09-15'; // a Thursday

describe('rowState', () => {
  it('a due date is the end of that day: not overdue on the day, overdue the day after', () => {
    expect(rowState(task(deadline('date', '2022-09-15'), 'in_progress'), AS_OF, 10)).toBe('due_soon');
    expect(rowState(task(deadline('date', '2022-09-14'), 'in_progress'), AS_OF, 10)).toBe('overdue');
  });

  it('due_soon counts working days on the official calendar, window inclusive', () => {
    // 2022-09-29 is the 10th working day after 2022-09-15, 2022-09-30 the 11th.
    expect(rowState(task(deadline('date', '2022-09-29'), 'in_progress'), AS_OF, 10)).toBe('due_soon');
    expect(rowState(task(deadline('date', '2022-09-30'), 'in_progress'), AS_OF, 10)).toBe('on_track');
    expect(rowState(task(deadline('date', '2022-09-30'), 'in_progress'), AS_OF, 11)).toBe('due_soon');
    // Across 国庆: 10-01…07 are off, the 调休 weekend 10-08/10-09 is on. Three working days, not six.
    expect(rowState(task(deadline('date', '2022-10-10'), 'in_progress'), '2022-09-30', 3)).toBe('due_soon');
    expect(rowState(task(deadline('date', '2022-10-10'), 'in_progress'), '2022-09-30', 2)).toBe('on_track');
  });

  it('soonDays 0 flags only a task due today', () => {
    expect(rowState(task(deadline('date', '2022-09-15'), null), AS_OF, 0)).toBe('due_soon');
    expect(rowState(task(deadline('date', '2022-09-16'), null), AS_OF, 0)).toBe('on_track');
  });

  it('done beats everything; done_late needs a completion date after the due date', () => {
    expect(rowState(task(deadline('date', '2022-07-31'), 'done'), AS_OF)).toBe('done');
    expect(rowState(task(deadline('date', '2022-07-31'), 'done', '2022-07-20'), AS_OF)).toBe('done');
    expect(rowState(task(deadline('date', '2022-07-31'), 'done', '2022-07-31'), AS_OF)).toBe('done');
    expect(rowState(task(deadline('date', '2022-07-31'), 'done', '2022-08-05'), AS_OF)).toBe('done_late');
    expect(rowState(task(deadline('ongoing'), 'done', '2022-08-05'), AS_OF)).toBe('done');
    expect(rowState(task(deadline('invalid'), 'done'), AS_OF)).toBe('done');
  });

  it('overdue beats behind; behind beats due_soon, ongoing and unknown', () => {
    expect(rowState(task(deadline('date', '2022-08-31'), 'behind'), AS_OF)).toBe('overdue');
    expect(rowState(task(deadline('date', '2022-09-20'), 'behind'), AS_OF)).toBe('behind');
    expect(rowState(task(deadline('date', '2022-12-31'), 'behind'), AS_OF)).toBe('behind');
    expect(rowState(task(deadline('ongoing'), 'behind'), AS_OF)).toBe('behind');
    expect(rowState(task(deadline('unknown'), 'behind'), AS_OF)).toBe('behind');
  });

  it('not started, blank, unrecognised or no status column all count as "not done"', () => {
    for (const progress of ['not_started', 'unknown', 'in_progress', null] as const) {
      expect(rowState(task(deadline('date', '2022-08-31'), progress), AS_OF)).toBe('overdue');
      expect(rowState(task(deadline('date', '2022-12-31'), progress), AS_OF)).toBe('on_track');
    }
  });

  it('no single due date: ongoing for 长期/及时/periodic, unknown for missing or impossible deadlines', () => {
    expect(rowState(task(deadline('ongoing'), 'in_progress'), AS_OF)).toBe('ongoing');
    expect(rowState(task(deadline('timely'), null), AS_OF)).toBe('ongoing');
    expect(rowState(task(deadline('periodic'), 'not_started'), AS_OF)).toBe('ongoing');
    expect(rowState(task(deadline('unknown'), 'in_progress'), AS_OF)).toBe('unknown');
    expect(rowState(task(deadline('invalid'), null), AS_OF)).toBe('unknown');
    // A 'date' deadline without a usable due date cannot be judged either.
    expect(rowState(task(deadline('date', null), null), AS_OF)).toBe('unknown');
  });

  it('rejects a malformed as-of date or window instead of guessing', () => {
    expect(() => rowState(task(deadline('ongoing'), null), '2022-02-30', 10)).toThrow(RangeError);
    expect(() => rowState(task(deadline('ongoing'), null), AS_OF, -1)).toThrow(RangeError);
    expect(() => rowState(task(deadline('ongoing'), null), AS_OF, 1.5)).toThrow(RangeError);
  });

  it('defaults to a 10 working-day window', () => {
    expect(DEFAULT_SOON_DAYS).toBe(10);
    expect(rowState(task(deadline('date', '2022-09-29'), null), AS_OF)).toBe('due_soon');
  });
});

describe('state names, counts and colours', () => {
  it('names every state in both languages', () => {
    for (const s of ROW_STATES) {
      expect(STATE_NAMES[s].zh).not.toBe('');
      expect(STATE_NAMES[s].en).not.toBe('');
      expect(STATE_DESCRIPTIONS[s].zh).not.toBe('');
    }
    expect(STATE_NAMES.overdue.zh).toBe('逾期');
    expect(STATE_NAMES.done_late.zh).toBe('逾期完成');
  });

  it('counts every state, zero included', () => {
    const counts = countStates(['done', 'done', 'overdue']);
    expect(counts).toEqual({ done: 2, done_late: 0, on_track: 0, behind: 0, due_soon: 0, overdue: 1, ongoing: 0, unknown: 0 });
    expect(Object.keys(counts)).toEqual([...ROW_STATES]);
  });

  it('uses the default colours and leaves on_track and unknown untouched', () => {
    expect(DEFAULT_COLOURS.overdue).toEqual({ fill: '#FFC7CE', font: '#9C0006' });
    expect(DEFAULT_COLOURS.due_soon).toEqual({ fill: '#FFEB9C', font: '#9C5700' });
    expect(DEFAULT_COLOURS.behind).toEqual({ fill: '#FFEB9C', font: '#9C5700' });
    expect(DEFAULT_COLOURS.done).toEqual({ fill: '#C6EFCE', font: '#006100' });
    expect(DEFAULT_COLOURS.done_late?.fill).toBe('#FCE4D6');
    expect(DEFAULT_COLOURS.ongoing?.fill).toBe('#EDEDED');
    expect(DEFAULT_COLOURS.on_track).toBeNull();
    expect(DEFAULT_COLOURS.unknown).toBeNull();
  });

  it('overlays valid overrides, normalised, and ignores malformed ones', () => {
    const colours = resolveColours({ done: { fill: '00b050', font: '#ffffff' }, overdue: { fill: 'red', font: '#000000' } });
    expect(colours.done).toEqual({ fill: '#00B050', font: '#FFFFFF' });
    expect(colours.overdue).toEqual(DEFAULT_COLOURS.overdue);
    expect(normaliseColour(' #abcdef ')).toBe('#ABCDEF');
    expect(normaliseColour('#abc')).toBeNull();
    expect(normaliseColour(null)).toBeNull();
  });
});

describe('isSoonDays', () => {
  it('accepts whole working days from 0 to MAX_SOON_DAYS and nothing else', () => {
    expect([0, 10, MAX_SOON_DAYS].every(isSoonDays)).toBe(true);
    expect([-1, 1.5, MAX_SOON_DAYS + 1, '10', null, NaN].some(isSoonDays)).toBe(false);
  });
});
