from fieldbook.cli.main import main

raise SystemExit(main())
