"""The operations the wizard, the county window and the command line call (no Qt).

Each front end calls these and nothing below them: storage is a plain repository, and the rules
(what carries over to the next period, who may be renamed, how a plan is drafted) live here and
in the core.
"""
