import type { Command } from '../command';

/** Every subcommand, in the order `allocation --help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [];
