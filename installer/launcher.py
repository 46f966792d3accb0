"""Entry point of the bundled application (PyInstaller): the same as the ``jianfu`` command."""

from jianfu.cli.main import main

raise SystemExit(main())
