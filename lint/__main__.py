from cnlint.cli import main

main()
