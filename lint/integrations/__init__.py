"""cnlint inside other pipelines: Ray Data and datatrove."""
