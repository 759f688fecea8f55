/**
 * Units: reading unit cells (split, normalise, lead vs responsible) and the unit directory (canonical names,
 * aliases, categories, groups) with its sheet and file forms. See each module for the rules.
 */
export { normaliseUnitName, unitMatchKey, insideBrackets } from './normalise';
export { splitUnits, splitLeadAndResponsible, repeatedUnits, type LeadAndResponsible } from './split';
export {
  UnitDirectory,
  boundedEditDistance,
  type UnitEntry,
  type UnitGroupEntry,
  type UnitDirectoryData,
  type UnitResolution,
} from './directory';
export {
  UNIT_DIRECTORY_SHEET,
  directoryFromGrid,
  directoryFromCsv,
  directoryFromJson,
  directorySheetSpec,
  directoryFromUnitNames,
  directoryFromTasks,
} from './directory-io';
export {
  isGroupByForm,
  looksLikeStrayText,
  areNearSpellings,
  nearDuplicateSpellings,
  type UnitSpelling,
  type SpellingCluster,
} from './sheet-units';
