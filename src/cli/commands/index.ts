import type { Command } from '../command';
import { carryCommand } from './carry';
import { checkCommand } from './check';
import { clearCommand } from './clear';
import { collectCommand } from './collect';
import { directoryCommand } from './directory';
import { demoCommand } from '../demo';
import { highlightCommand } from './highlight';
import { importCommand } from './import';
import { remindCommand } from './remind';
import { reportCommand } from './report';
import { splitCommand } from './split';
import { settingsCommand } from './settings';
import { summaryCommand } from './summary';

/** Every subcommand, in the order `allocation --help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [importCommand, checkCommand, highlightCommand, clearCommand, summaryCommand, reportCommand, remindCommand, directoryCommand, settingsCommand, splitCommand, collectCommand, carryCommand, demoCommand];
