from fieldbook.cli import main

raise SystemExit(main())
