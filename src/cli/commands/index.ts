import type { Command } from '../command';
import { checkCommand } from './check';
import { demoCommand } from './demo';

/** Every subcommand, in the order `allocation --help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [checkCommand, demoCommand];
