from newscrawler.cli.main import main

raise SystemExit(main())
