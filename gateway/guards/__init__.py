"""Guards in the pipeline: which texts of a call are scanned where, and what their findings decide."""
