/** `--year` takes exactly the plan years the settings take, and says in zh-CN which those are. */
import { parseYear } from '../../src/cli/options';
import { applySettingAssignments } from '../../src/domain/setting-keys';
import { UserFacingError } from '../../src/domain/errors';
import { PLAN_YEAR_RANGE } from '../../src/domain/workbook-state';

function yearRefusal(raw: string): UserFacingError {
  try {
    parseYear(raw);
  } catch (e) {
    if (e instanceof UserFacingError) return e;
    throw e;
  }
  throw new Error(`--year ${raw} was accepted`);
}

describe('--year', () => {
  it.each(['2000', '2022', ' 2024 ', '2100'])('takes %p', (raw) => {
    expect(parseYear(raw)).toBe(Number(raw.trim()));
  });

  it.each(['1990', '1999', '2101', '22', '二〇二二', '2022.5', ''])('refuses %p, naming the years allowed', (raw) => {
    const refusal = yearRefusal(raw);
    expect(refusal.message).toContain(`${PLAN_YEAR_RANGE.min} 到 ${PLAN_YEAR_RANGE.max} 之间的四位年份`);
    expect(refusal.message).toContain(`“${raw}”`);
  });

  it('agrees with the planYear setting at both ends of the range and just outside them', () => {
    for (const year of [PLAN_YEAR_RANGE.min - 1, PLAN_YEAR_RANGE.min, PLAN_YEAR_RANGE.max, PLAN_YEAR_RANGE.max + 1]) {
      let setting = true;
      try {
        applySettingAssignments({}, [`planYear=${year}`], {});
      } catch {
        setting = false;
      }
      let option = true;
      try {
        parseYear(String(year));
      } catch {
        option = false;
      }
      expect({ year, option }).toEqual({ year, option: setting });
    }
  });
});
