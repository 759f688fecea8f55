/**
 * What IE11 lacks and the shared code uses (EdgeHTML 18 lacks a few of the newer ones too). Only the needed
 * core-js modules, not core-js/stable: the lite bundle stays about a third of the size.
 */
import 'core-js/es/promise';
import 'core-js/es/symbol';
import 'core-js/es/map';
import 'core-js/es/set';
import 'core-js/es/weak-map';
import 'core-js/es/weak-set';
import 'core-js/es/array';
import 'core-js/es/object';
import 'core-js/es/string';
import 'core-js/es/number';
import 'core-js/es/math';
import 'core-js/es/typed-array';
import 'core-js/es/regexp';
import 'core-js/es/global-this';
