"""HTTP routes: the data plane (agents) and the admin plane (people), thin over the flows."""
