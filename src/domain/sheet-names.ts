/**
 * Names of the sheets the product reads by name: the 单位名录 the clerk keeps, and the identity sheet of a return
 * copy. A module of its own so that knowing a name does not load the code that reads the sheet.
 */

/** The unit directory the check uses when the workbook has one. */
export const UNIT_DIRECTORY_SHEET = '单位名录';

/** The very hidden sheet of a 下发 copy saying which master, unit and measures it belongs to. */
export const RETURN_IDENTITY_SHEET = '_allocation_return';
