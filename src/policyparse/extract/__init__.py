"""Extract stages: each module has ``run(ctx)`` and appends one kind of record to the context."""
