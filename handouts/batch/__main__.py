from .command import batch_command

batch_command(prog_name="handouts batch")
