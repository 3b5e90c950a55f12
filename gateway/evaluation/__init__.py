"""Detection-quality evaluation: read labelled JSONL, run the guards, compute metrics."""
