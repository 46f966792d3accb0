from jianfu.cli.main import main

raise SystemExit(main())
