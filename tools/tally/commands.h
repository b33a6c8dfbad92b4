/* commands.h: the subcommands, one file each (cmd_*.c). */
#ifndef TALLY_COMMANDS_H
#define TALLY_COMMANDS_H

int cmd_info(int argc, char **argv);
int cmd_codebook(int argc, char **argv);
int cmd_freq(int argc, char **argv);
int cmd_xtab(int argc, char **argv);
int cmd_annex(int argc, char **argv);

#endif /* TALLY_COMMANDS_H */
